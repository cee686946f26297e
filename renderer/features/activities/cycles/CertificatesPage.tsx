import { Anchor, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { certificateIssueSchema, PRINT_READY_ATTRIBUTE, type CertificateBatch } from '../../../../electron/contract';
import { call, OpFailure, opKey } from '../../../app/ops';
import { CertificateDocument, type CertificateLanguage } from '../../../print/Certificate';
import { OpErrorAlert } from '../../../ui/OpErrorAlert';
import { activityPath } from '../paths';
import { PrintButtons } from '../PrintButtons';
import { cyclePath } from './paths';

/** An address not made by this app (edited by hand): nothing to issue. */
const BAD_ADDRESS = new OpFailure({ code: 'invalid_input' });

/**
 * The certificates of the people in the address, one page each, in the language chosen here.
 * Opening the page issues those not yet issued; the others come back with their number and date.
 */
export function CertificatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const language: CertificateLanguage = params.get('lang') === 'ar' ? 'ar' : 'fr';
  const parsed = certificateIssueSchema.safeParse({
    subject: params.get('subject'),
    subjectId: params.get('id'),
    kind: params.get('kind'),
    beneficiaryIds: (params.get('people') ?? '').split(',').filter(Boolean),
  });
  const input = parsed.data;
  const client = useQueryClient();
  // Issuing twice gives the same certificates back: reading it like a query is safe, and the page
  // (and the host printing it) gets the document as soon as it is numbered.
  const batch = useQuery<CertificateBatch, OpFailure>({
    queryKey: opKey('certificates.issue', input),
    queryFn: () => call('certificates.issue', input!),
    enabled: input !== undefined,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    if (batch.data) void client.invalidateQueries({ queryKey: ['cycles.get'] });
  }, [batch.data, client]);

  if (!input) return <OpErrorAlert error={BAD_ADDRESS} />;
  const back = input.subject === 'cycle' ? cyclePath(input.subjectId) : activityPath(input.subjectId);
  const chooseLanguage = (value: string) =>
    setParams(
      (current) => {
        current.set('lang', value);
        return current;
      },
      { replace: true },
    );
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">
        {t('certificates.back')}
      </Anchor>
      <Title order={1}>{t('certificates.pageTitle')}</Title>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="certificate-language">
            {t('certificates.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="certificate-language"
            value={language}
            onChange={chooseLanguage}
            data={[
              { value: 'fr', label: t('certificates.languages.fr') },
              { value: 'ar', label: t('certificates.languages.ar') },
            ]}
          />
        </Stack>
        <PrintButtons fileName={t('certificates.fileName', { kind: t(`certificates.kind.${input.kind}`) })} disabled={!batch.data} />
      </Group>
      {batch.isPending && <Loader />}
      <OpErrorAlert error={batch.error} />
      {batch.data && (
        <>
          <Text>{t('certificates.count', { count: batch.data.certificates.length })}</Text>
          {batch.data.certificates.map((c) => (
            <CertificateDocument key={c.reference} batch={batch.data} certificate={c} language={language} preview />
          ))}
          {createPortal(
            <div className="print-sheet" {...{ [PRINT_READY_ATTRIBUTE]: '' }}>
              {batch.data.certificates.map((c) => (
                <CertificateDocument key={c.reference} batch={batch.data} certificate={c} language={language} />
              ))}
            </div>,
            document.body,
          )}
        </>
      )}
    </Stack>
  );
}

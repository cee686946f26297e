import { Anchor, Checkbox, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { call, opKey, useOp, type OpFailure } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { isoDateSchema, PRINT_READY_ATTRIBUTE, type AttendanceSheet } from '../../../electron/contract';
import { AttendanceSheetDocument, type AttendanceSheetProps } from '../../print/AttendanceSheet';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryName } from '../beneficiaries/countries';
import { useActivityLabels } from './labels';
import { activityPath } from './paths';
import { PrintButtons } from './PrintButtons';

/** One document with the sheet of every session of an activity, a page (or more) per session. */
export function AllSheetsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOp('activities.get', { id });
  const [params] = useSearchParams();
  // A period in the address (the funder pack's) keeps the sessions held in it.
  const from = isoDateSchema.safeParse(params.get('from')).data ?? '';
  const to = isoDateSchema.safeParse(params.get('to')).data ?? '9999-12-31';
  const sessions = (detail.data?.sessions ?? []).filter((s) => s.date >= from && s.date <= to);
  const sheets = useQueries({
    queries: sessions.map((s) => ({
      queryKey: opKey('attendance.get', { sessionId: s.id }),
      queryFn: () => call('attendance.get', { sessionId: s.id }),
    })),
  });
  const status = useAppStatus();
  const logos = useOp('logos.list', {});
  const lookups = useActivityLabels();
  const country = useCountryName();
  const [blankRows, setBlankRows] = useState<number | ''>(5);
  const [showPhone, setShowPhone] = useState(false);

  if (detail.isPending || logos.isPending || sheets.some((q) => q.isPending)) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const failed = sheets.find((q) => q.error)?.error as OpFailure | undefined;
  if (failed) return <OpErrorAlert error={failed} />;
  const common: Omit<AttendanceSheetProps, 'sheet'> = {
    associationName: status.data?.session?.association.name ?? '',
    blankRows: blankRows === '' ? 0 : blankRows,
    showPhone,
    logos: logos.data,
    label: { theme: lookups.theme, category: lookups.category, country },
  };
  const all = sheets.map((q) => q.data).filter((s): s is AttendanceSheet => s !== undefined);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={activityPath(id)} size="sm">
        {t('activities.attendance.back', { reference: detail.data.activity.reference })}
      </Anchor>
      <Title order={1}>{t('activities.sheet.allTitle')}</Title>
      <Text>{t('activities.sheet.sessionsCount', { count: all.length })}</Text>
      <Group align="flex-end">
        <NumberInput
          label={t('activities.sheet.blankRows')}
          min={0}
          max={100}
          allowDecimal={false}
          value={blankRows}
          onChange={(v) => setBlankRows(typeof v === 'number' ? v : '')}
          w={160}
        />
        <Checkbox label={t('activities.sheet.phoneColumn')} checked={showPhone} onChange={(e) => setShowPhone(e.currentTarget.checked)} mb={8} />
        <PrintButtons fileName={t('activities.sheet.allFileName', { reference: detail.data.activity.reference })} disabled={all.length === 0} />
      </Group>
      {all.map((sheet) => (
        <AttendanceSheetDocument key={sheet.session.id} {...common} sheet={sheet} preview />
      ))}
      {createPortal(
        <div className="print-sheet" {...{ [PRINT_READY_ATTRIBUTE]: '' }}>
          {all.map((sheet) => (
            <AttendanceSheetDocument key={sheet.session.id} {...common} sheet={sheet} />
          ))}
        </div>,
        document.body,
      )}
    </Stack>
  );
}

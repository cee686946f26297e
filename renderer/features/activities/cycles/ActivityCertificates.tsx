import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateKind, RegistrationRow } from '../../../../electron/contract';
import { useAppStatus } from '../../../app/session';
import { IconPrinter } from '../../../ui/icons';
import { certificatesPath } from './paths';

type Row = Pick<RegistrationRow, 'beneficiaryId' | 'displayName' | 'presentCount' | 'completed' | 'pseudonymous'>;

/** Certificates are issued by the president, for named people who came (completion for those who completed). */
function useCertificateLink(activityId: string) {
  const { i18n } = useTranslation();
  const status = useAppStatus();
  const allowed = status.data?.session?.user.role === 'president';
  return {
    allowed,
    to: (kind: CertificateKind, people: string[]) =>
      certificatesPath({ subject: 'activity', subjectId: activityId, kind, people, locale: i18n.language === 'ar' ? 'ar' : 'fr' }),
  };
}

const kindFor = (row: Row): CertificateKind | null => (row.pseudonymous || row.presentCount === 0 ? null : row.completed ? 'completion' : 'participation');

/** On a participant's line of an activity: their certificate, one page. */
export function ActivityCertificateButton({ activityId, row }: { activityId: string; row: Row }) {
  const { t } = useTranslation();
  const link = useCertificateLink(activityId);
  const kind = kindFor(row);
  if (!link.allowed || !kind) return null;
  return (
    <Button component={Link} to={link.to(kind, [row.beneficiaryId])} size="compact-xs" variant="subtle" aria-label={`${t(`certificates.kind.${kind}`)} — ${row.displayName}`}>
      {t('certificates.printOne')}
    </Button>
  );
}

/** For the whole group of an activity: every completion certificate, one page per person. */
export function ActivityGroupCertificates({ activityId, rows }: { activityId: string; rows: Row[] }) {
  const { t } = useTranslation();
  const link = useCertificateLink(activityId);
  const completed = rows.filter((r) => kindFor(r) === 'completion').map((r) => r.beneficiaryId);
  const attended = rows.filter((r) => kindFor(r) !== null).map((r) => r.beneficiaryId);
  if (!link.allowed || attended.length === 0) return null;
  return (
    <Group gap="xs">
      {completed.length > 0 && (
        <Button component={Link} to={link.to('completion', completed)} variant="light" leftSection={<IconPrinter width={18} height={18} />}>
          {t('certificates.printAllCompleted', { count: completed.length })}
        </Button>
      )}
      <Button component={Link} to={link.to('participation', attended)} variant="subtle" leftSection={<IconPrinter width={18} height={18} />}>
        {t('certificates.printAllAttended', { count: attended.length })}
      </Button>
    </Group>
  );
}

import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeSummary } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { activitiesPath, statisticsPath } from '../activities/paths';
import { formatDateTime } from '../backups/format';
import { listPath } from '../beneficiaries/paths';
import { duesListPath } from '../members/paths';
import { CountLink } from './CountLink';

/** The president's short overview of the month: people, activities, dues, and whether the file is backed up. */
export function PresidentOverview({ summary }: { summary: HomeSummary }) {
  const { t, i18n } = useTranslation();
  const year = Number(summary.today.slice(0, 4));
  const dues = useOp('dues.status', { year });
  const backups = useOp('backups.status', {});
  const latest = backups.data?.latest;
  const backupFailed = backups.data?.lastAutomatic?.ok === false;
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-overview">
      <Title order={2} size="h4" id="home-overview">
        {t('home.overview.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
        <CountLink label={t('home.overview.peopleThisMonth')} count={summary.peopleThisMonth} to={statisticsPath} />
        <CountLink label={t('home.overview.newPeople')} count={summary.newPeopleThisMonth} to={listPath} />
        <CountLink label={t('home.overview.activities')} count={summary.activitiesThisMonth} to={activitiesPath} />
        <CountLink
          label={t('home.overview.duesUnpaid', { year })}
          count={dues.data ? dues.data.unpaid.length + dues.data.partlyPaid.length : '…'}
          to={duesListPath}
        />
        <CountLink
          label={backupFailed ? t('home.overview.backupFailed') : latest ? t('home.overview.lastBackup') : t('home.overview.noBackup')}
          count={latest ? formatDateTime(latest.createdAt, i18n.resolvedLanguage ?? 'fr') : '—'}
          to="/settings/backups"
          alert={backupFailed || (backups.data !== undefined && !latest)}
        />
      </SimpleGrid>
    </Stack>
  );
}

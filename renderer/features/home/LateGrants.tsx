import { Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { CountLink } from './CountLink';
import { lateGrantsPath } from '../grants/paths';

/** The treasurer's first look: how many agreements and sub-grants are late, leading to the grants dashboard showing only them. */
export function LateGrants() {
  const { t } = useTranslation();
  const dashboard = useOp('grants.dashboard', { includeArchived: false });
  if (dashboard.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (dashboard.error) return <OpErrorAlert error={dashboard.error} />;
  const { agreements } = dashboard.data;
  const lateAgreements = agreements.filter((a) => a.state === 'late').length;
  const lateSubGrants = agreements.flatMap((a) => a.subGrants).filter((s) => s.state === 'late').length;
  const overdueReports = agreements.reduce((sum, a) => sum + a.overdueReports + a.subGrants.reduce((n, s) => n + s.overdueReports, 0), 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-grants">
      <Title order={2} size="h4" id="home-grants">
        {t('home.grants.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CountLink label={t('home.grants.lateAgreements')} count={lateAgreements} to={lateGrantsPath()} alert={lateAgreements > 0} />
        <CountLink label={t('home.grants.lateSubGrants')} count={lateSubGrants} to={lateGrantsPath()} alert={lateSubGrants > 0} />
        <CountLink label={t('home.grants.overdueReports')} count={overdueReports} to={lateGrantsPath()} alert={overdueReports > 0} />
      </SimpleGrid>
    </Stack>
  );
}

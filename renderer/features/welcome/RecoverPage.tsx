import { Anchor, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useOp } from '../../app/ops';
import { signInPath } from '../../app/paths';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { FileHeading } from './FileHeading';
import { RecoverForm } from './RecoverForm';

export function RecoverPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const path = params.get('path');
  const userId = params.get('user');
  const inspect = useOp('file.inspect', { path: path ?? '' }, { enabled: Boolean(path) });
  if (!path) return <Navigate to="/open" replace />;

  return (
    <Stack gap="lg">
      <FileHeading title={t('recover.title')} path={path} hint={inspect.data?.associationHint} />
      <Text>{t('recover.intro')}</Text>
      <Paper withBorder p="xl" radius="lg">
        {inspect.isPending && <Loader role="status" aria-label={t('app.loading')} />}
        <OpErrorAlert error={inspect.error} />
        {inspect.data && <RecoverForm path={path} users={inspect.data.users} userId={userId} />}
      </Paper>
      <Anchor component={Link} to={signInPath(path, userId)}>
        {t('recover.back')}
      </Anchor>
    </Stack>
  );
}

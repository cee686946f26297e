import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PublicFrame } from './PublicFrame';
import { useAppStatus } from './session';

/** Nothing is shown until the core has said whether a file is open. */
export function Root() {
  const { t } = useTranslation();
  const status = useAppStatus();
  if (status.data) return <Outlet />;
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <PublicFrame>
      <Stack align="flex-start">
        <Alert color="red" title={t('app.unreachable')} w="100%">
          {t(`errors.${status.error?.code ?? 'internal'}`)}
        </Alert>
        <Button onClick={() => void status.refetch()}>{t('app.retry')}</Button>
      </Stack>
    </PublicFrame>
  );
}

import { Anchor, Loader, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useOp } from '../../app/ops';
import { useSessionMemory } from '../../app/SessionMemory';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { DemoHint } from './DemoHint';
import { FileHeading } from './FileHeading';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  const [params] = useSearchParams();
  const path = params.get('path');
  if (!path) return <Navigate to="/open" replace />;
  return <SignInStep key={path} path={path} userId={params.get('user')} />;
}

function SignInStep({ path, userId }: { path: string; userId: string | null }) {
  const { t } = useTranslation();
  const { demoPaths } = useSessionMemory();
  const inspect = useOp('file.inspect', { path });

  return (
    <Stack gap="lg">
      <FileHeading title={t('signIn.title')} path={path} hint={inspect.data?.associationHint} />
      {demoPaths.has(path) && <DemoHint />}
      <Paper withBorder p="xl" radius="lg">
        {inspect.isPending && <Loader role="status" aria-label={t('app.loading')} />}
        <OpErrorAlert error={inspect.error} />
        {inspect.data && <SignInForm path={path} users={inspect.data.users} userId={userId} />}
      </Paper>
      <Anchor component={Link} to="/open">
        {t('signIn.otherFile')}
      </Anchor>
    </Stack>
  );
}

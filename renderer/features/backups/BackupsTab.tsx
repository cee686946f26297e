import { Alert, Badge, Box, Button, Group, Loader, Progress, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupResult, BackupStatus } from '../../../electron/contract';
import { call, opKey, useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { WithBrowse } from '../../ui/WithBrowse';
import { newJobId } from '../beneficiary-import/readFile';
import { formatDateTime, formatSize } from './format';
import { RestoreDialog } from './RestoreDialog';

const PROGRESS_POLL_MS = 300;

/** Settings → Backups: everyone backs up now; a president also lists, restores and sets the second folder. */
export function BackupsTab({ isPresident }: { isPresident: boolean }) {
  const { t } = useTranslation();
  const status = useOp('backups.status', {});
  if (status.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (status.error) return <OpErrorAlert error={status.error} />;
  return (
    <Stack gap="xl" maw={960}>
      <StatusSection status={status.data} />
      <WhatIsKept />
      {isPresident && <SecondFolderSection status={status.data} />}
      {isPresident && <BackupList />}
    </Stack>
  );
}

function StatusSection({ status }: { status: BackupStatus }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const create = useOpMutation('backups.create', {
    onSettled: () => {
      void client.invalidateQueries({ queryKey: opKey('backups.status') });
      void client.invalidateQueries({ queryKey: opKey('backups.list') });
    },
  });
  const { latest, lastAutomatic } = status;

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('backups.status.title')}
      </Title>
      <Text>
        {latest
          ? t('backups.status.latest', { date: formatDateTime(latest.createdAt, i18n.language) })
          : t('backups.status.none')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('backups.status.localFolder')} <bdi dir="ltr">{status.localFolder}</bdi>
      </Text>
      {lastAutomatic && !lastAutomatic.ok && (
        <Alert color="red" variant="light">
          {t('backups.status.automaticFailed', { date: formatDateTime(lastAutomatic.at, i18n.language) })}{' '}
          {lastAutomatic.error ? t(`errors.${lastAutomatic.error}`) : ''}
        </Alert>
      )}
      <Group>
        <Button
          loading={create.isPending}
          onClick={() => {
            const id = newJobId();
            setJobId(id);
            create.mutate({ jobId: id });
          }}
        >
          {t('backups.create.submit')}
        </Button>
      </Group>
      {create.isPending && jobId && status.secondFolder && <CopyProgress jobId={jobId} />}
      <OpErrorAlert error={create.error} />
      {create.data && <CreateOutcome result={create.data} />}
    </Stack>
  );
}

/** The retention rule of electron/core/backups/rotation.ts, said once where backups are made and listed. */
function WhatIsKept() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('backups.kept.title')}
      </Title>
      <Text>{t('backups.kept.text')}</Text>
    </Stack>
  );
}

function CreateOutcome({ result }: { result: BackupResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="green" variant="light">
        {t('backups.create.done', {
          date: formatDateTime(result.backup.createdAt, i18n.language),
          size: formatSize(result.backup.sizeBytes, i18n.language),
        })}
      </Alert>
      {result.secondCopy && !result.secondCopy.ok && (
        <Alert color="red" variant="light">
          {t('backups.create.secondFailed')} {t(`errors.${result.secondCopy.error}`)}
        </Alert>
      )}
      {result.secondCopy?.ok && (
        <Text size="sm">
          {t('backups.create.secondDone')} <bdi dir="ltr">{result.secondCopy.path}</bdi>
        </Text>
      )}
    </Stack>
  );
}

function CopyProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const progress = useOp(
    'jobs.progress',
    { jobId },
    { refetchInterval: (query) => (query.state.data?.finished ? false : PROGRESS_POLL_MS), gcTime: 0 },
  ).data;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Box>
      <Text size="sm" id="backup-copy-progress">
        {t('backups.create.copying')}
      </Text>
      <Progress value={percent} aria-labelledby="backup-copy-progress" animated />
    </Box>
  );
}

function SecondFolderSection({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canBrowse = Boolean(useAppStatus().data?.canBrowse);
  const [folder, setFolder] = useState(status.secondFolder ?? '');
  const [picking, setPicking] = useState(false);
  const save = useOpMutation('backups.setSecondFolder', {
    onSuccess: (saved) => {
      client.setQueryData(opKey('backups.status', {}), saved);
      setFolder(saved.secondFolder ?? '');
      void client.invalidateQueries({ queryKey: opKey('backups.list') });
    },
  });

  const browse = async () => {
    setPicking(true);
    try {
      const picked = await call('file.pickDirectory', {});
      if (picked.path) setFolder(picked.path);
    } finally {
      setPicking(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ folder: folder.trim() ? folder.trim() : null });
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          {t('backups.second.title')}
        </Title>
        <Text size="sm">{t('backups.second.help')}</Text>
        <WithBrowse
          visible={canBrowse}
          loading={picking}
          onBrowse={() => void browse()}
          input={
            <TextInput
              label={t('backups.second.folder')}
              value={folder}
              onChange={(event) => setFolder(event.currentTarget.value)}
              dir="ltr"
            />
          }
        />
        <OpErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" variant="light">
            {save.data.secondFolder ? t('backups.second.saved') : t('backups.second.off')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          {status.secondFolder && (
            <Button variant="default" loading={save.isPending} onClick={() => save.mutate({ folder: null })}>
              {t('backups.second.turnOff')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function BackupList() {
  const { t, i18n } = useTranslation();
  const path = useAppStatus().data?.session?.path;
  const list = useOp('backups.list', {});
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('backups.list.title')}
      </Title>
      {list.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={list.error} />
      {list.data?.length === 0 && <Text>{t('backups.list.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('backups.list.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.list.date')}</Table.Th>
                <Table.Th>{t('backups.list.kind')}</Table.Th>
                <Table.Th>{t('backups.list.location')}</Table.Th>
                <Table.Th>{t('backups.list.size')}</Table.Th>
                <Table.Th>{t('backups.list.users')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('backups.list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((backup) => (
                <Table.Tr key={backup.path}>
                  <Table.Td>{formatDateTime(backup.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={backup.kind === 'regular' ? 'blue' : 'gray'}>
                      {t(`backups.kind.${backup.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`backups.location.${backup.location}`)}</Table.Td>
                  <Table.Td>{formatSize(backup.sizeBytes, i18n.language)}</Table.Td>
                  <Table.Td>{backup.users.map((user) => user.displayName).join(', ')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setRestoring(backup)}
                      aria-label={t('backups.list.restoreOne', { date: formatDateTime(backup.createdAt, i18n.language) })}
                    >
                      {t('backups.list.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {restoring && path && <RestoreDialog path={path} backup={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}

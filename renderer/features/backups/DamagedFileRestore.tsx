import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RestoreResult } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { WithBrowse } from '../../ui/WithBrowse';
import { formatDateTime, formatSize } from './format';
import { RestoreDialog } from './RestoreDialog';

/**
 * On the sign-in screen, after `file_damaged`: offers the latest backup beside the file, or in
 * another folder (the USB key of the second copies) chosen with the system's dialog or typed.
 */
export function DamagedFileRestore({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const backups = useOp('backups.listFor', folder ? { path, folder } : { path });
  const [open, setOpen] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const latest = backups.data?.[0];

  if (restored) {
    return (
      <Alert color="green" variant="light">
        {t('backups.damaged.restored')}
        {restored.erasuresReapplied > 0 && ` ${t('backups.restore.erasuresReapplied', { count: restored.erasuresReapplied })}`}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {backups.isPending && <Loader size="sm" role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={backups.error} />
      {backups.data && !latest && <Text size="sm">{folder ? t('backups.damaged.noBackupIn') : t('backups.damaged.noBackup')}</Text>}
      {latest && (
        <>
          <Text size="sm">
            {t('backups.damaged.latest', {
              date: formatDateTime(latest.createdAt, i18n.language),
              size: formatSize(latest.sizeBytes, i18n.language),
            })}
          </Text>
          <Group>
            <Button color="orange" onClick={() => setOpen(true)}>
              {t('backups.damaged.restore')}
            </Button>
          </Group>
          {open && (
            <RestoreDialog
              path={path}
              backup={latest}
              onClose={() => setOpen(false)}
              onRestored={(result) => {
                setOpen(false);
                if (!result.session) setRestored(result);
              }}
            />
          )}
        </>
      )}
      <OtherFolder onChosen={setFolder} />
    </Stack>
  );
}

/** Where else to look: a path typed, or picked with the system's dialog where the host has one. */
function OtherFolder({ onChosen }: { onChosen: (folder: string) => void }) {
  const { t } = useTranslation();
  const canBrowse = Boolean(useAppStatus().data?.canBrowse);
  const [typed, setTyped] = useState('');
  const pick = useOpMutation('file.pickDirectory', {
    onSuccess: ({ path }) => {
      if (!path) return;
      setTyped(path);
      onChosen(path);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) onChosen(typed.trim());
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        <WithBrowse
          visible={canBrowse}
          loading={pick.isPending}
          onBrowse={() => pick.mutate({})}
          input={
            <TextInput
              label={t('backups.damaged.otherFolder')}
              description={t('backups.damaged.otherFolderHelp')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              dir="ltr"
            />
          }
        />
        <OpErrorAlert error={pick.error} />
        <Group>
          <Button type="submit" variant="default">
            {t('backups.damaged.lookThere')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, Modal, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreResult } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { enterSession, ERASURES_REAPPLIED_KEY, statusKey } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { formatDateTime } from './format';

interface Props {
  /** The file the backup replaces. */
  path: string;
  backup: BackupInfo;
  onClose: () => void;
  /** After the file was replaced (and, when possible, signed into again). */
  onRestored?: (result: RestoreResult) => void;
}

/** Asks a president's password or the recovery code, then replaces the file with the backup. */
export function RestoreDialog({ path, backup, onClose, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<'password' | 'recoveryCode'>(backup.users.length > 0 ? 'password' : 'recoveryCode');
  const [userId, setUserId] = useState<string | null>(backup.users.length === 1 ? backup.users[0].id : null);
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [missing, setMissing] = useState(false);

  const restore = useOpMutation('backups.restore', {
    onSuccess: (result) => {
      if (result.session) {
        enterSession(client, result.session);
        client.setQueryData(ERASURES_REAPPLIED_KEY, result.erasuresReapplied);
      } else void client.invalidateQueries({ queryKey: statusKey });
      onRestored?.(result);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The dialog may sit inside another form (sign-in): React events bubble through the portal.
    event.stopPropagation();
    if (mode === 'password') {
      if (!userId || !password) return setMissing(true);
      setMissing(false);
      restore.mutate({ path, backupPath: backup.path, userId, password });
    } else {
      if (!recoveryCode.trim()) return setMissing(true);
      setMissing(false);
      restore.mutate({ path, backupPath: backup.path, recoveryCode });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('backups.restore.title')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Text>{t('backups.restore.which', { date: formatDateTime(backup.createdAt, i18n.language) })}</Text>
          <Alert color="yellow" variant="light">
            {t('backups.restore.safetyCopy')}
          </Alert>
          {backup.hasRecoverySlot && backup.users.length > 0 && (
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value === 'recoveryCode' ? 'recoveryCode' : 'password')}
              data={[
                { value: 'password', label: t('backups.restore.withPassword') },
                { value: 'recoveryCode', label: t('backups.restore.withRecoveryCode') },
              ]}
            />
          )}
          {mode === 'password' ? (
            <>
              <Select
                label={t('backups.restore.user')}
                data={backup.users.map((user) => ({ value: user.id, label: user.displayName }))}
                value={userId}
                onChange={setUserId}
                withAsterisk
                error={missing && !userId ? t('validation.required') : undefined}
              />
              <PasswordInput
                label={t('backups.restore.password')}
                description={t('backups.restore.passwordHelp')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                withAsterisk
                error={missing && !password ? t('validation.required') : undefined}
              />
            </>
          ) : (
            <TextInput
              label={t('backups.restore.recoveryCode')}
              value={recoveryCode}
              onChange={(event) => setRecoveryCode(event.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              withAsterisk
              error={missing && !recoveryCode.trim() ? t('validation.required') : undefined}
            />
          )}
          <OpErrorAlert error={restore.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={restore.isPending}>
              {t('backups.restore.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

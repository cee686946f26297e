import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RestoreResult } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { formatDateTime, formatSize } from './format';
import { RestoreDialog } from './RestoreDialog';

/** On the sign-in screen, after `file_damaged`: offers the latest backup beside the file. */
export function DamagedFileRestore({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const backups = useOp('backups.listFor', { path });
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
      {backups.data && !latest && <Text size="sm">{t('backups.damaged.noBackup')}</Text>}
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
    </Stack>
  );
}

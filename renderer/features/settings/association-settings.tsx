import { Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

/** An area's settings form, shown once the association's settings are read. */
export function WithSettings({ children }: { children: (settings: Settings) => ReactNode }) {
  const { t } = useTranslation();
  const settings = useOp('settings.get', {});
  if (settings.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (settings.error) return <OpErrorAlert error={settings.error} />;
  return children(settings.data);
}

/** Saves settings; every screen that reads them gets the saved ones at once. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useOpMutation('settings.update', { onSuccess: (saved) => client.setQueryData(opKey('settings.get', {}), saved) });
}

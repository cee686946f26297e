import { Loader, NumberInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../electron/contract';

const schema = settingsSchema.pick({ autoLockMinutes: true });
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { statusKey } from '../../app/session';
import { formResolver, useFieldError } from '../../ui/forms';
import { RestrictedSaveFooter } from '../../ui/form/RestrictedSaveFooter';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

export function AutoLockTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useOp('settings.get', {});
  if (settings.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (settings.error) return <OpErrorAlert error={settings.error} />;
  return <AutoLockForm settings={settings.data} canEdit={canEdit} />;
}

function AutoLockForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fieldError = useFieldError();
  const { control, handleSubmit } = useForm({
    resolver: formResolver(schema),
    defaultValues: { autoLockMinutes: settings.autoLockMinutes },
  });

  const update = useOpMutation('settings.update', {
    onSuccess: (saved) => {
      client.setQueryData(opKey('settings.get', {}), saved);
      // The shell's idle timer reads the limit from the session in app.status.
      void client.invalidateQueries({ queryKey: statusKey });
    },
  });

  return (
    <form noValidate onSubmit={handleSubmit((values) => update.mutate(values))}>
      <Stack maw={480}>
        <Controller
          control={control}
          name="autoLockMinutes"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('settings.autoLock.minutes')}
              description={t('settings.autoLock.help')}
              min={1}
              max={240}
              allowDecimal={false}
              disabled={!canEdit}
              name={field.name}
              value={field.value}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldError(fieldState.error)}
            />
          )}
        />
        <RestrictedSaveFooter canEdit={canEdit} save={update} savedText={t('settings.autoLock.saved')} readOnlyText={t('settings.autoLock.presidentOnly')} />
      </Stack>
    </form>
  );
}

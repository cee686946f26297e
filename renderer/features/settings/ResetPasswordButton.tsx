import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, resetPasswordSchema, type ResetPasswordInput, type User } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { PasswordField } from '../../ui/fields';
import { formResolver, generalError, showAtFields } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PasswordStrength } from '../../ui/PasswordStrength';

/** For someone who forgot their password: the president gives them a temporary one, to change at their next sign-in. */
export function ResetPasswordButton({ user, onReset }: { user: User; onReset: (user: User) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const form = useForm({
    resolver: formResolver(resetPasswordSchema),
    defaultValues: { userId: user.id, temporaryPassword: '' } satisfies ResetPasswordInput,
  });
  const temporaryPassword = useWatch({ control: form.control, name: 'temporaryPassword' });
  const reset = useOpMutation('users.resetPassword', {
    onSuccess: (updated) => {
      close();
      onReset(updated);
      void client.invalidateQueries({ queryKey: opKey('users.list') });
    },
    onError: (error) => showAtFields(form, error),
  });
  function close() {
    form.reset();
    reset.reset();
    modal.close();
  }

  return (
    <>
      <Button variant="light" size="xs" onClick={modal.open} aria-label={t('settings.users.resetNamed', { name: user.displayName })}>
        {t('settings.users.reset')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('settings.users.resetNamed', { name: user.displayName })} centered>
        <form noValidate onSubmit={form.handleSubmit((values) => reset.mutate(values))}>
          <Stack>
            <Text size="sm">{t('settings.users.resetHelp', { name: user.displayName })}</Text>
            <PasswordField
              form={form}
              name="temporaryPassword"
              label={t('settings.users.temporaryPassword')}
              description={t('settings.users.temporaryPasswordHelp', { min: PASSWORD_MIN_LENGTH })}
              withAsterisk
              data-autofocus
            />
            <PasswordStrength password={temporaryPassword} related={[user.displayName]} />
            <OpErrorAlert error={generalError(form, reset.error)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={reset.isPending}>
                {t('settings.users.reset')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { updateSession } from '../../app/session';
import { PasswordField } from '../../ui/fields';
import { formResolver, generalError, showAtFields, withConfirmation, withoutConfirmation } from '../../ui/forms';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

const schema = withConfirmation(changePasswordSchema, 'newPassword');

interface Props {
  currentLabel: string;
  submitLabel: string;
  autoFocus?: boolean;
}

export function ChangePasswordForm({ currentLabel, submitLabel, autoFocus }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    resolver: formResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const change = useOpMutation('session.changePassword', {
    onSuccess: (session) => {
      form.reset();
      updateSession(client, session);
    },
    onError: (error) => showAtFields(form, error),
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => change.mutate(withoutConfirmation(values)))}>
      <Stack maw={480}>
        <PasswordField form={form} name="currentPassword" label={currentLabel} autoFocus={autoFocus} withAsterisk />
        <NewPasswordFields form={form} />
        <OpErrorAlert error={generalError(form, change.error)} />
        {change.isSuccess && (
          <Alert color="green" variant="light">
            {t('settings.password.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

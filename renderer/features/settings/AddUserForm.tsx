import { Alert, Button, Group, NativeSelect, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createUserSchema, PASSWORD_MIN_LENGTH, roleSchema, type CreateUserInput } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { PasswordField, TextField } from '../../ui/fields';
import { formResolver, generalError, showAtFields, useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PasswordStrength } from '../../ui/PasswordStrength';

export function AddUserForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fieldError = useFieldError();
  const blank: CreateUserInput = { displayName: '', role: 'volunteer', temporaryPassword: '' };
  const form = useForm({
    resolver: formResolver(createUserSchema),
    defaultValues: blank,
  });
  const [temporaryPassword, displayName] = useWatch({
    control: form.control,
    name: ['temporaryPassword', 'displayName'],
  });
  const roles = roleSchema.options.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const role = form.register('role');

  const create = useOpMutation('users.create', {
    onSuccess: () => {
      form.reset();
      void client.invalidateQueries({ queryKey: opKey('users.list') });
    },
    onError: (error) => showAtFields(form, error),
  });

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="add-user-title">
      <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <Stack maw={480}>
          <Title order={2} size="h4" id="add-user-title">
            {t('settings.users.addTitle')}
          </Title>
          <TextField form={form} name="displayName" label={t('settings.users.name')} withAsterisk />
          <NativeSelect
            label={t('settings.users.role')}
            data={roles}
            {...role}
            error={fieldError(form.formState.errors.role)}
          />
          <PasswordField
            form={form}
            name="temporaryPassword"
            label={t('settings.users.temporaryPassword')}
            description={t('settings.users.temporaryPasswordHelp', { min: PASSWORD_MIN_LENGTH })}
            withAsterisk
          />
          <PasswordStrength password={temporaryPassword} related={[displayName]} />
          <OpErrorAlert error={generalError(form, create.error)} />
          {create.data && (
            <Alert color="green" variant="light">
              {t('settings.users.added', { name: create.data.displayName })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('settings.users.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

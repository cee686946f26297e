import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recoverSchema } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { enterSession } from '../../app/session';
import { TextField } from '../../ui/fields';
import { formResolver, generalError, showAtFields, useFieldError, withConfirmation, withoutConfirmation } from '../../ui/forms';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import classes from './RecoverForm.module.css';
import { UserPicker } from './UserPicker';

const schema = withConfirmation(recoverSchema.omit({ path: true }), 'newPassword');

interface Props {
  path: string;
  users: { id: string; displayName: string }[];
  userId: string | null;
}

export function RecoverForm({ path, users, userId }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fieldError = useFieldError();
  const form = useForm({
    resolver: formResolver(schema),
    defaultValues: {
      recoveryCode: '',
      userId: users.find((user) => user.id === userId)?.id ?? (users.length === 1 ? users[0].id : ''),
      newPassword: '',
      confirmPassword: '',
    },
  });

  const recover = useOpMutation('file.recover', {
    onSuccess: (session) => enterSession(client, session),
    onError: (error) => showAtFields(form, error),
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => recover.mutate({ path, ...withoutConfirmation(values) }))}>
      <Stack>
        <TextField
          form={form}
          name="recoveryCode"
          label={t('recover.code')}
          description={t('recover.codeHelp')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          withAsterisk
          classNames={{ input: classes.code }}
        />
        <Controller
          control={form.control}
          name="userId"
          render={({ field, fieldState }) => (
            <UserPicker
              label={t('recover.user')}
              users={users}
              value={field.value}
              onChange={field.onChange}
              error={fieldError(fieldState.error)}
              inputRef={field.ref}
            />
          )}
        />
        <NewPasswordFields form={form} />
        <OpErrorAlert error={generalError(form, recover.error)} />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={recover.isPending}>
            {t('recover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

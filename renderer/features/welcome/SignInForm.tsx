import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { openFileSchema } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { recoverPath } from '../../app/paths';
import { enterSession } from '../../app/session';
import { PasswordField } from '../../ui/fields';
import { formResolver, useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { UserPicker } from './UserPicker';

const schema = openFileSchema.pick({ userId: true, password: true });

// Shown only when a file turns out damaged: its restore dialog is not part of the first screen's download.
const DamagedFileRestore = lazy(() => import('../backups/DamagedFileRestore').then((m) => ({ default: m.DamagedFileRestore })));

interface Props {
  path: string;
  users: { id: string; displayName: string }[];
  /** Who to preselect: the person who just locked, or the only user of the file. */
  userId: string | null;
}

export function SignInForm({ path, users, userId }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fieldError = useFieldError();
  const initialUser = users.find((user) => user.id === userId)?.id ?? (users.length === 1 ? users[0].id : '');

  const form = useForm({
    resolver: formResolver(schema),
    defaultValues: { userId: initialUser, password: '' },
  });
  const chosenUser = useWatch({ control: form.control, name: 'userId' });

  const open = useOpMutation('file.open', {
    onSuccess: (session) => enterSession(client, session),
    onError: () => {
      form.resetField('password');
      form.setFocus('password');
    },
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => open.mutate({ path, ...values }))}>
      <Stack>
        <Controller
          control={form.control}
          name="userId"
          render={({ field, fieldState }) => (
            <UserPicker
              label={t('signIn.user')}
              users={users}
              value={field.value}
              onChange={field.onChange}
              error={fieldError(fieldState.error)}
              autoFocus={!initialUser}
              inputRef={field.ref}
            />
          )}
        />
        <PasswordField
          form={form}
          name="password"
          label={t('signIn.password')}
          autoFocus={Boolean(initialUser)}
          withAsterisk
        />
        <OpErrorAlert error={open.error} />
        {(open.error?.code === 'wrong_password' || open.error?.code === 'too_many_attempts') && (
          <Text size="sm" c="dimmed">
            {t('signIn.throttleHint')}
          </Text>
        )}
        {open.error?.code === 'file_damaged' && (
          <Suspense fallback={<Loader size="sm" />}>
            <DamagedFileRestore path={path} />
          </Suspense>
        )}
        <Group justify="space-between" mt="sm">
          <Anchor component={Link} to={recoverPath(path, chosenUser)} size="sm">
            {t('signIn.forgot')}
          </Anchor>
          <Button type="submit" loading={open.isPending}>
            {t('signIn.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

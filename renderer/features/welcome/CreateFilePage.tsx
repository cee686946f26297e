import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createFileSchema, PASSWORD_MIN_LENGTH } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { enterSession, useAppStatus } from '../../app/session';
import { useSessionMemory } from '../../app/SessionMemory';
import { PasswordField, TextField } from '../../ui/fields';
import { formResolver, generalError, showAtFields, withConfirmation, withoutConfirmation } from '../../ui/forms';
import { WithBrowse } from '../../ui/WithBrowse';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PasswordStrength } from '../../ui/PasswordStrength';

const schema = withConfirmation(createFileSchema, 'password');

export function CreateFilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { setPendingRecovery } = useSessionMemory();
  const status = useAppStatus().data;

  const form = useForm({
    resolver: formResolver(schema),
    defaultValues: {
      associationName: '',
      city: '',
      directory: status?.defaultDirectory ?? '',
      displayName: '',
      password: '',
      confirmPassword: '',
    },
  });
  const [password, associationName, displayName] = useWatch({
    control: form.control,
    name: ['password', 'associationName', 'displayName'],
  });

  const create = useOpMutation('file.create', {
    onSuccess: ({ session, recoveryCode }) => {
      setPendingRecovery({
        code: recoveryCode,
        associationName: session.association.name,
        path: session.path,
        createdAt: new Date(),
      });
      enterSession(client, session);
    },
    onError: (error) => showAtFields(form, error),
  });
  const pickDirectory = useOpMutation('file.pickDirectory', {
    onSuccess: ({ path }) => {
      if (path) form.setValue('directory', path, { shouldValidate: true });
    },
  });

  const submit = form.handleSubmit((values) => create.mutate(withoutConfirmation(values)));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('create.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('create.intro')}
        </Text>
      </div>
      <Paper withBorder p="xl" radius="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <TextField
            form={form}
            name="associationName"
            label={t('create.associationName')}
            autoFocus
            withAsterisk
          />
          <TextField
            form={form}
            name="city"
            label={t('create.city')}
            withAsterisk
          />
          <TextField
            form={form}
            name="directory"
            label={t('create.directory')}
            description={t('create.directoryHelp')}
            withAsterisk
            dir="ltr"
            inputContainer={(input) => (
              <WithBrowse
                input={input}
                visible={Boolean(status?.canBrowse)}
                onBrowse={() => pickDirectory.mutate({})}
                loading={pickDirectory.isPending}
              />
            )}
          />
          <TextField
            form={form}
            name="displayName"
            label={t('create.displayName')}
            withAsterisk
          />
          <PasswordField
            form={form}
            name="password"
            label={t('create.password')}
            description={t('password.help', { min: PASSWORD_MIN_LENGTH })}
            withAsterisk
          />
          <PasswordStrength password={password} related={[associationName, displayName]} />
          <PasswordField
            form={form}
            name="confirmPassword"
            label={t('create.confirmPassword')}
            withAsterisk
          />
          <OpErrorAlert error={generalError(form, create.error) ?? pickDirectory.error} />
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" onClick={() => void navigate('/')}>
              {t('common.back')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

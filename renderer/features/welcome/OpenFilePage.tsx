import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { openFileSchema } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { signInPath } from '../../app/paths';
import { useAppStatus } from '../../app/session';
import { intlLocale } from '../../i18n';
import { TextField } from '../../ui/fields';
import { formResolver } from '../../ui/forms';
import { WithBrowse } from '../../ui/WithBrowse';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import classes from './OpenFilePage.module.css';

const schema = openFileSchema.pick({ path: true });

export function OpenFilePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useAppStatus().data;
  const recentFiles = status?.recentFiles ?? [];
  const dateFormat = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' });

  const form = useForm({ resolver: formResolver(schema), defaultValues: { path: '' } });
  const choose = (path: string) => void navigate(signInPath(path));
  const pickFile = useOpMutation('file.pickFile', {
    onSuccess: ({ path }) => {
      if (path) choose(path);
    },
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('open.title')}</Title>

      {recentFiles.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="recent-files">
          <Title order={2} size="h4" id="recent-files">
            {t('open.recent')}
          </Title>
          {recentFiles.map((file) => (
            <UnstyledButton key={file.path} className={classes.recent} onClick={() => choose(file.path)}>
              <Text fw={600}>{file.associationName}</Text>
              <Text size="sm" c="dimmed" className={classes.path}>
                <bdi dir="ltr">{file.path}</bdi>
              </Text>
              <Text size="xs" c="dimmed">
                {t('open.lastOpened', { date: dateFormat.format(new Date(file.openedAt)) })}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}

      <Paper
        withBorder
        p="xl"
        radius="lg"
        component="form"
        noValidate
        onSubmit={form.handleSubmit(({ path }) => choose(path))}
      >
        <Stack>
          {recentFiles.length > 0 && (
            <Title order={2} size="h4">
              {t('open.otherFile')}
            </Title>
          )}
          <TextField
            form={form}
            name="path"
            label={t('open.path')}
            description={t('open.pathHelp')}
            autoFocus
            dir="ltr"
            inputContainer={(input) => (
              <WithBrowse
                input={input}
                visible={Boolean(status?.canBrowse)}
                onBrowse={() => pickFile.mutate({})}
                loading={pickFile.isPending}
              />
            )}
          />
          <OpErrorAlert error={pickFile.error} />
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" onClick={() => void navigate('/')}>
              {t('common.back')}
            </Button>
            <Button type="submit">{t('open.submit')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { openFileSchema } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { signInPath } from '../../app/paths';
import { useAppStatus } from '../../app/session';
import { TextField } from '../../ui/fields';
import { formResolver } from '../../ui/forms';
import { WithBrowse } from '../../ui/WithBrowse';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { RecentFileButton } from './RecentFileButton';

const schema = openFileSchema.pick({ path: true });

export function OpenFilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useAppStatus().data;
  const recentFiles = status?.recentFiles ?? [];

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
            <RecentFileButton key={file.path} file={file} onChoose={choose} />
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

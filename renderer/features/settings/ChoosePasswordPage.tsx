import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLock } from '../../app/useLock';
import { IconLock } from '../../ui/icons';
import { ChangePasswordForm } from './ChangePasswordForm';

/** A user added with a temporary password replaces it before anything else (the core insists too). */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const lock = useLock();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('choosePassword.title')}</Title>
      <Text>{t('choosePassword.intro')}</Text>
      <Paper withBorder p="xl" radius="lg">
        <ChangePasswordForm
          currentLabel={t('choosePassword.current')}
          submitLabel={t('choosePassword.submit')}
          autoFocus
        />
      </Paper>
      <Group>
        <Button variant="subtle" leftSection={<IconLock width={18} height={18} />} onClick={lock}>
          {t('shell.lock')}
        </Button>
      </Group>
    </Stack>
  );
}

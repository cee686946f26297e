import { Alert, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatRecoveryCode, normalizeRecoveryCode } from '../../../electron/contract';
import type { PendingRecovery } from '../../app/SessionMemory';
import { validationMessage } from '../../i18n/validation';
import { RecoveryCodeSheet } from '../../print/RecoveryCodeSheet';
import { TextField } from '../../ui/fields';
import { IconPrinter } from '../../ui/icons';
import classes from './RecoveryCodePage.module.css';

interface Props {
  pending: PendingRecovery;
  onConfirmed: () => void;
}

/** Shown once after creating a file; typing one group back proves it was written down or printed. */
export function RecoveryCodePage({ pending, onConfirmed }: Props) {
  const { t } = useTranslation();
  const groups = formatRecoveryCode(pending.code);
  const [asked] = useState(() => 1 + Math.floor(Math.random() * groups.length));
  const form = useForm({ defaultValues: { group: '' } });
  const isAskedGroup = (value: string) =>
    normalizeRecoveryCode(value) === groups[asked - 1] || validationMessage('recovery.wrongGroup', { n: asked });

  const submit = form.handleSubmit(() => onConfirmed());

  return (
    <Stack gap="lg">
      <Title order={1}>{t('recovery.title')}</Title>
      <Alert color="yellow" variant="light">
        <Stack gap={6}>
          <Text>{t('recovery.keepSafe')}</Text>
          <Text fw={700}>{t('recovery.shownOnce')}</Text>
          <Text>{t('recovery.purpose')}</Text>
        </Stack>
      </Alert>

      <Paper withBorder p="xl" radius="lg">
        <Stack>
          <Text fw={600} id="recovery-code-label">
            {t('recovery.codeLabel')}
          </Text>
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="md" dir="ltr" aria-labelledby="recovery-code-label" role="list">
            {groups.map((group, index) => (
              <Stack key={index} gap={2} align="center" role="listitem">
                <Text className={classes.group} data-testid="recovery-group">
                  {group}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('recovery.group', { n: index + 1 })}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Group>
            <Button variant="default" leftSection={<IconPrinter width={18} height={18} />} onClick={() => window.print()}>
              {t('recovery.print')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Divider />

      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('recovery.confirmTitle')}
          </Title>
          <TextField
            form={form}
            name="group"
            rules={{ validate: isAskedGroup }}
            label={t('recovery.confirmLabel', { n: asked })}
            description={t('recovery.confirmHelp')}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            maw={260}
            classNames={{ input: classes.input }}
          />
          <Group>
            <Button type="submit">{t('recovery.confirm')}</Button>
          </Group>
        </Stack>
      </form>

      <RecoveryCodeSheet pending={pending} />
    </Stack>
  );
}

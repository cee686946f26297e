import { Anchor, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatisticsInput } from '../../../electron/contract';
import { useActivityLabels } from './labels';
import { activitiesPath } from './paths';
import { StatisticsView } from './StatisticsTab';

/** Statistics across activities: all of them or one theme, over a period of session dates. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const lookups = useActivityLabels();
  const [theme, setTheme] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const reversed = from !== '' && to !== '' && to < from;
  // A reversed period is shown at its field and not asked (the core would refuse it too).
  const input: StatisticsInput = {
    ...(theme ? { theme } : {}),
    ...(from ? { from } : {}),
    ...(to && !reversed ? { to } : {}),
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={activitiesPath} size="sm">
        {t('activities.stats.back')}
      </Anchor>
      <Title order={1}>{t('activities.stats.pageTitle')}</Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('activities.field.theme')}
          placeholder={t('activities.stats.allThemes')}
          data={lookups.options('theme')}
          value={theme}
          onChange={setTheme}
          clearable
          searchable
          w={260}
        />
        <TextInput type="date" label={t('activities.stats.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('activities.stats.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={reversed ? t('activities.errors.endBeforeStart') : undefined}
        />
      </Group>
      <StatisticsView input={input} />
    </Stack>
  );
}

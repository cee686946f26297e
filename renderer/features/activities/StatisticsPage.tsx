import { Anchor, Group, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatisticsInput } from '../../../electron/contract';
import { DayInput } from '../../ui/dates/DayInput';
import { isIsoDay } from '../../ui/dates/typed-date';
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
  const reversed = isIsoDay(from) && isIsoDay(to) && to < from;
  // A reversed period or a day still being typed is not asked (the core would refuse it too).
  const input: StatisticsInput = {
    ...(theme ? { theme } : {}),
    ...(isIsoDay(from) ? { from } : {}),
    ...(isIsoDay(to) && !reversed ? { to } : {}),
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
        <DayInput label={t('activities.stats.from')} value={from} onChange={setFrom} />
        <DayInput
          label={t('activities.stats.to')}
          value={to}
          onChange={setTo}
          error={reversed ? t('activities.errors.endBeforeStart') : undefined}
        />
      </Group>
      <StatisticsView input={input} />
    </Stack>
  );
}

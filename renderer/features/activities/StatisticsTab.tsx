import { Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatisticsGroup, StatisticsInput } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryName } from '../beneficiaries/countries';
import { useNumberFormats } from '../../ui/numbers';
import { useActivityLabels } from './labels';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

export function StatisticsTab({ activityId }: { activityId: string }) {
  return <StatisticsView input={{ activityId }} />;
}

/** The figures and their disaggregation for one activity, a theme across activities, a period, or all. */
export function StatisticsView({ input }: { input: StatisticsInput }) {
  const { t } = useTranslation();
  const stats = useOp('activities.statistics', input);
  const { number: formatNumber, percent } = useNumberFormats();
  const lookups = useActivityLabels();
  const countryName = useCountryName();
  const one = (n: number) => formatNumber(Math.round(n * 10) / 10);
  const rate = (r: number | null) => (r === null ? '—' : percent(r, 0));

  if (stats.isPending) return <Loader />;
  if (stats.error) return <OpErrorAlert error={stats.error} />;
  const s = stats.data;
  const figures = [
    ...(input.activityId ? [] : [{ label: t('activities.stats.activities'), value: formatNumber(s.activities) }]),
    { label: t('activities.stats.uniqueParticipants'), value: formatNumber(s.total.uniqueParticipants) },
    { label: t('activities.stats.sessionsHeld'), value: formatNumber(s.sessionsHeld) },
    { label: t('activities.stats.averageAttendance'), value: one(s.total.averageAttendance) },
    { label: t('activities.stats.completionRate'), value: rate(s.total.completionRate) },
  ];

  const breakdown = (title: string, groups: StatisticsGroup[], label: (key: string) => string) => (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      <Table striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th>{t('activities.stats.uniqueParticipants')}</Table.Th>
            <Table.Th>{t('activities.stats.presences')}</Table.Th>
            <Table.Th>{t('activities.stats.averageAttendance')}</Table.Th>
            <Table.Th>{t('activities.stats.completionRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{label(g.key)}</Table.Td>
              <Table.Td>{formatNumber(g.uniqueParticipants)}</Table.Td>
              <Table.Td>{formatNumber(g.presences)}</Table.Td>
              <Table.Td>{one(g.averageAttendance)}</Table.Td>
              <Table.Td>{rate(g.completionRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );

  const ageLabel = (key: string) => {
    const [from, to] = key.replace('+', '').split('-');
    return to ? t('beneficiaries.ageRange', { from, to }) : t('beneficiaries.ageOver', { from });
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: figures.length }}>
        {figures.map((f) => (
          <Paper key={f.label} withBorder p="md">
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Text size="xl" fw={700}>
              {f.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {s.sessionsHeld === 0 && <Text c="dimmed">{t('activities.stats.none')}</Text>}
      {breakdown(t('activities.stats.bySex'), s.bySex, (k) => t(`core:exports.sexValue.${k}`))}
      {breakdown(t('activities.stats.byAgeBand'), s.byAgeBand, ageLabel)}
      {breakdown(t('activities.stats.byCategory'), s.byCategory, (k) => lookups.category(k))}
      {breakdown(t('activities.stats.byNationality'), s.byNationality, countryName)}
    </Stack>
  );
}

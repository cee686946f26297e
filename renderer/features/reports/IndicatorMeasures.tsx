import { MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  employmentSituationSchema,
  FILTERABLE_BY,
  measuredIndicatorCodes,
  measuredIndicatorCodeSchema,
  type IndicatorFilterDimension,
  type IndicatorFilters,
  type LookupList,
  type MeasuredIndicatorCode,
  type ReportIndicator,
} from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useLookupLabels } from '../beneficiaries/lookups';
import { IndicatorResultForm } from './IndicatorResultForm';

/** The lookup list each filter dimension picks its codes from; employment situations are the contract's own. */
const DIMENSION_LIST: Record<Exclude<IndicatorFilterDimension, 'employmentSituation'>, LookupList> = { category: 'category', theme: 'theme', activityType: 'activityType', serviceType: 'serviceType' };

/** Keeps the filters the new measure can take (a category says nothing of a session). */
function filtersFor(measure: MeasuredIndicatorCode | null, filters: IndicatorFilters | null): IndicatorFilters | undefined {
  const allowed = measure ? (FILTERABLE_BY[measure] ?? []) : [];
  const kept = Object.entries(filters ?? {}).filter(([d]) => allowed.includes(d as IndicatorFilterDimension));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * For each indicator of the agreement, which figure of the report measures it, narrowed if need be
 * (treasurers and presidents); an indicator the report cannot measure gets its result typed in.
 */
export function IndicatorMeasures({ agreementId, indicators, period }: { agreementId: string; indicators: ReportIndicator[]; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lookups = useLookupLabels();
  const save = useOpMutation('reports.setIndicatorMeasure', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('reports.indicators') }),
  });
  const options = [{ value: '', label: t('reports.measures.none') }, ...measuredIndicatorCodes.map((code) => ({ value: code, label: t(`core:measures.${code}`) }))];
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('reports.measures.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.measures.help')}
        </Text>
        {indicators.map((i) => (
          <Stack key={i.code} gap="xs">
            <NativeSelect
              label={i.label}
              description={t('reports.measures.target', { code: i.code, target: i.target })}
              value={i.measure ?? ''}
              data={options}
              disabled={save.isPending}
              onChange={(event) => {
                const chosen = measuredIndicatorCodeSchema.safeParse(event.currentTarget.value);
                const measure = chosen.success ? chosen.data : null;
                save.mutate({ agreementId, code: i.code, measure, filters: filtersFor(measure, i.filters) });
              }}
            />
            {i.measure && (FILTERABLE_BY[i.measure] ?? []).length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {(FILTERABLE_BY[i.measure] ?? []).map((dimension) => (
                  <MultiSelect
                    key={dimension}
                    label={t(`reports.measures.filter.${dimension}`, { indicator: i.label })}
                    placeholder={i.filters?.[dimension] ? undefined : t('reports.measures.filterAll')}
                    data={
                      dimension === 'employmentSituation'
                        ? employmentSituationSchema.options.map((s) => ({ value: s, label: t(`employment.situation.${s}`) }))
                        : lookups.options(DIMENSION_LIST[dimension], i.filters?.[dimension] ?? [])
                    }
                    value={i.filters?.[dimension] ?? []}
                    disabled={save.isPending}
                    clearable
                    searchable
                    onChange={(codes) => {
                      const rest = Object.entries(i.filters ?? {}).filter(([d]) => d !== dimension);
                      const next = Object.fromEntries(codes.length > 0 ? [...rest, [dimension, codes]] : rest) as IndicatorFilters;
                      save.mutate({ agreementId, code: i.code, measure: i.measure, filters: Object.keys(next).length > 0 ? next : undefined });
                    }}
                  />
                ))}
              </SimpleGrid>
            )}
            {!i.measure && <IndicatorResultForm agreementId={agreementId} indicator={i} period={period} />}
          </Stack>
        ))}
        <OpErrorAlert error={save.error} />
      </Stack>
    </Paper>
  );
}

import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { measuredIndicatorCodes, measuredIndicatorCodeSchema, type ReportIndicator } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

/** For each indicator of the agreement, which figure of the report measures it (treasurers and presidents). */
export function IndicatorMeasures({ agreementId, indicators }: { agreementId: string; indicators: ReportIndicator[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOpMutation('reports.setIndicatorMeasure', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('reports.indicators') }),
  });
  const options = [{ value: '', label: t('reports.measures.none') }, ...measuredIndicatorCodes.map((code) => ({ value: code, label: t(`reports.measure.${code}`) }))];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reports.measures.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.measures.help')}
        </Text>
        {indicators.map((i) => (
          <NativeSelect
            key={i.code}
            label={i.label}
            description={t('reports.measures.target', { code: i.code, target: i.target })}
            value={i.measure ?? ''}
            data={options}
            disabled={save.isPending}
            onChange={(event) => {
              const chosen = measuredIndicatorCodeSchema.safeParse(event.currentTarget.value);
              save.mutate({ agreementId, code: i.code, measure: chosen.success ? chosen.data : null });
            }}
          />
        ))}
        <OpErrorAlert error={save.error} />
      </Stack>
    </Paper>
  );
}

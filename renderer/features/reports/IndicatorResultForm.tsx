import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { indicatorResultSchema, type ReportIndicator } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { translateMessage } from '../../i18n/validation';
import { ControlledWholeNumber, useOwnFieldError, type FieldErrorTranslator } from '../../ui/form/controlledInputs';
import { TextField } from '../../ui/fields';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

interface Props {
  agreementId: string;
  indicator: ReportIndicator;
  period: { from: string; to: string };
}

/** The result of an indicator the report cannot measure, for the period shown, with its source. */
export function IndicatorResultForm({ agreementId, indicator, period }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    resolver: formResolver(indicatorResultSchema),
    defaultValues: { agreementId, code: indicator.code, ...period, value: indicator.result?.value ?? null, source: indicator.result?.source ?? '' },
  });
  const save = useOpMutation('reports.setIndicatorResult', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('reports.indicators') }),
  });
  const translate: FieldErrorTranslator = (error) => translateMessage(t, error?.message);
  const valueError = useOwnFieldError(form.control, 'value', translate);

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))} aria-label={t('reports.result.title', { indicator: indicator.label })}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <ControlledWholeNumber
          control={form.control}
          name="value"
          label={t('reports.result.value', { indicator: indicator.label })}
          min={0}
          w={180}
          error={valueError}
        />
        <TextField form={form} name="source" label={t('reports.result.source')} description={t('reports.result.sourceHelp')} style={{ flex: 1, minWidth: 260 }} />
        <Button type="submit" mt={24} loading={save.isPending} variant="light">
          {t('reports.result.save')}
        </Button>
      </Group>
      {indicator.result && (
        <Text size="xs" c="dimmed">
          {t('reports.result.entered', { period: `${period.from} – ${period.to}` })}
        </Text>
      )}
      <OpErrorAlert error={save.error} />
    </form>
  );
}

import { Button, Fieldset, Group, Input, NumberInput, Stack, Text } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../electron/contract';
import { translateMessage } from '../../i18n/validation';
import { ControlledWholeNumber, useOwnFieldError, type FieldErrorTranslator } from '../../ui/form/controlledInputs';
import { RestrictedSaveFooter } from '../../ui/form/RestrictedSaveFooter';
import { formResolver } from '../../ui/forms';
import { useSaveSettings, WithSettings } from '../settings/association-settings';

const schema = settingsSchema.pick({ repeatAlertThreshold: true, statisticsAgeBands: true });
const MAX_AGE = 120;
const MAX_BANDS = 12;

/** Settings of the activities area: when a repeat registration warns, and the age bands of the statistics. */
export function ActivitiesSettingsTab({ canEdit }: { canEdit: boolean }) {
  return <WithSettings>{(settings) => <ActivitiesRulesForm settings={settings} canEdit={canEdit} />}</WithSettings>;
}

function ActivitiesRulesForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm({ resolver: formResolver(schema), defaultValues: schema.parse(settings) });
  const update = useSaveSettings();
  // The contract's own refinement carries a bare code; zod's checks a stored message.
  const translate: FieldErrorTranslator = (error) =>
    error?.message === 'age_bands_order' ? t('activities.settings.ageBandsOrder') : translateMessage(t, error?.message);
  const thresholdError = useOwnFieldError(control, 'repeatAlertThreshold', translate);

  return (
    <form noValidate onSubmit={handleSubmit((values) => update.mutate(values))}>
      <Stack gap="md" maw={640}>
        <ControlledWholeNumber
          control={control}
          name="repeatAlertThreshold"
          label={t('activities.settings.repeatThreshold')}
          description={t('activities.settings.repeatHelp')}
          min={1}
          max={20}
          disabled={!canEdit}
          error={thresholdError}
        />
        <Controller
          control={control}
          name="statisticsAgeBands"
          render={({ field, fieldState }) => (
            <AgeBandsInput
              edges={field.value}
              onChange={field.onChange}
              disabled={!canEdit}
              error={translate(fieldState.error)}
              edgeError={(i) => translate((fieldState.error as unknown as ({ message?: string } | undefined)[] | undefined)?.[i])}
            />
          )}
        />
        <RestrictedSaveFooter canEdit={canEdit} save={update} savedText={t('activities.settings.saved')} readOnlyText={t('activities.settings.presidentOnly')} />
      </Stack>
    </form>
  );
}

/** The lower edge of each band, one input a band; the first band always starts at 0. */
function AgeBandsInput({
  edges,
  onChange,
  disabled,
  error,
  edgeError,
}: {
  edges: (number | '')[];
  onChange: (edges: (number | '')[]) => void;
  disabled: boolean;
  /** A problem of the bands together (their order). */
  error: string | undefined;
  /** A problem of one edge (empty, too big). */
  edgeError: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (index: number, value: number | '') => onChange(edges.map((e, i) => (i === index ? value : e)));
  const last = edges[edges.length - 1];
  // What each band covers, so the president sees "15–17" while typing 15 then 18; nothing while the next edge does not follow.
  const range = (index: number): string | undefined => {
    const from = edges[index];
    const next = edges[index + 1];
    if (from === '') return undefined;
    if (next === undefined) return t('activities.settings.bandOpen', { from });
    if (next === '' || next <= from) return undefined;
    return next - 1 === from ? t('activities.settings.bandSingle', { from }) : t('activities.settings.bandRange', { from, to: next - 1 });
  };

  return (
    <Fieldset legend={t('activities.settings.ageBands')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('activities.settings.ageBandsHelp')}
        </Text>
        {edges.map((edge, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <NumberInput
              label={t('activities.settings.bandFrom', { n: i + 1 })}
              description={range(i)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              min={0}
              max={MAX_AGE}
              allowDecimal={false}
              // The first band is the youngest: it starts at birth whatever the other edges.
              disabled={disabled || i === 0}
              value={edge}
              onChange={(value) => set(i, typeof value === 'number' ? value : '')}
              error={edgeError(i)}
              w={220}
            />
            {!disabled && i > 0 && (
              <Button variant="subtle" color="red" size="compact-sm" mb={6} onClick={() => onChange(edges.filter((_, j) => j !== i))}>
                {t('activities.settings.removeBand', { n: i + 1 })}
              </Button>
            )}
          </Group>
        ))}
        {error && <Input.Error>{error}</Input.Error>}
        {!disabled && edges.length < MAX_BANDS && (
          <Group>
            <Button variant="default" size="compact-sm" onClick={() => onChange([...edges, Math.min((last === '' ? 0 : last) + 10, MAX_AGE)])}>
              {t('activities.settings.addBand')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

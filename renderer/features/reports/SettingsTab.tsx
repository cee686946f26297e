import { Select, Stack } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../electron/contract';
import { translateMessage } from '../../i18n/validation';
import { ControlledWholeNumber, useOwnFieldError, type FieldErrorTranslator } from '../../ui/form/controlledInputs';
import { RestrictedSaveFooter } from '../../ui/form/RestrictedSaveFooter';
import { formResolver } from '../../ui/forms';
import { useSaveSettings, WithSettings } from '../settings/association-settings';

const schema = settingsSchema.pick({ smallCellThreshold: true, timeZone: true });
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Settings of the reports: below how many people a group is hidden in breakdown tables, and the time zone of the times in files. */
export function ReportsSettingsTab({ canEdit }: { canEdit: boolean }) {
  return <WithSettings>{(settings) => <ReportsRulesForm settings={settings} canEdit={canEdit} />}</WithSettings>;
}

function ReportsRulesForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm({ resolver: formResolver(schema), defaultValues: schema.parse(settings) });
  const update = useSaveSettings();
  const translate: FieldErrorTranslator = (error) =>
    error?.message === 'unknown_time_zone' ? t('reports.settings.unknownTimeZone') : translateMessage(t, error?.message);
  const thresholdError = useOwnFieldError(control, 'smallCellThreshold', translate);

  return (
    <form noValidate onSubmit={handleSubmit((values) => update.mutate(values))}>
      <Stack gap="md" maw={640}>
        <ControlledWholeNumber
          control={control}
          name="smallCellThreshold"
          label={t('reports.settings.smallCellThreshold')}
          description={t('reports.settings.smallCellHelp')}
          min={1}
          max={20}
          disabled={!canEdit}
          error={thresholdError}
        />
        <Controller
          control={control}
          name="timeZone"
          render={({ field, fieldState }) => (
            <Select
              label={t('reports.settings.timeZone')}
              description={t('reports.settings.timeZoneHelp')}
              data={TIME_ZONES.includes(field.value) ? TIME_ZONES : [field.value, ...TIME_ZONES]}
              searchable
              allowDeselect={false}
              disabled={!canEdit}
              name={field.name}
              value={field.value}
              onChange={(value) => field.onChange(value ?? field.value)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={translate(fieldState.error)}
            />
          )}
        />
        <RestrictedSaveFooter canEdit={canEdit} save={update} savedText={t('reports.settings.saved')} readOnlyText={t('reports.settings.presidentOnly')} />
      </Stack>
    </form>
  );
}

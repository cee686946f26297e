import { Divider, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../electron/contract';
import { formResolver } from '../../ui/forms';
import { RestrictedSaveFooter } from '../../ui/form/RestrictedSaveFooter';
import { useSaveSettings, WithSettings } from '../settings/association-settings';
import { NumberField } from './NumberField';
import { TemplateEditor } from './TemplateEditor';

const schema = settingsSchema.pick({
  memberLapseAfterUnpaidYears: true,
  assemblyQuorumPercent: true,
  cooperativeMinShareValue: true,
  cooperativeMinCapital: true,
  cooperativeMinFounders: true,
  cooperativeStaleDays: true,
});

/** Settings of the members and cooperatives areas: the lapse rule, the quorum, the cooperative rules and steps. */
export function MembersCooperativesSettingsTab({ canEdit }: { canEdit: boolean }) {
  return (
    <Stack gap="xl">
      <WithSettings>{(settings) => <RulesForm settings={settings} canEdit={canEdit} />}</WithSettings>
      <Divider />
      <TemplateEditor canEdit={canEdit} />
    </Stack>
  );
}

function RulesForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm({ resolver: formResolver(schema), defaultValues: schema.parse(settings) });
  const update = useSaveSettings();
  const disabled = !canEdit;
  return (
    <form noValidate onSubmit={handleSubmit((values) => update.mutate(values))}>
      <Stack gap="md" maw={760}>
        <Title order={3}>{t('members.settings.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField control={control} name="memberLapseAfterUnpaidYears" label={t('members.settings.lapseYears')} description={t('members.settings.lapseHelp')} disabled={disabled} />
          <NumberField control={control} name="assemblyQuorumPercent" label={t('members.settings.quorum')} disabled={disabled} />
        </SimpleGrid>
        <Title order={3}>{t('cooperatives.settings.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField control={control} name="cooperativeMinShareValue" label={t('cooperatives.settings.minShareValue')} money disabled={disabled} />
          <NumberField control={control} name="cooperativeMinCapital" label={t('cooperatives.settings.minCapital')} money disabled={disabled} />
          <NumberField control={control} name="cooperativeMinFounders" label={t('cooperatives.settings.minFounders')} disabled={disabled} />
          <NumberField control={control} name="cooperativeStaleDays" label={t('cooperatives.settings.staleDays')} disabled={disabled} />
        </SimpleGrid>
        <RestrictedSaveFooter canEdit={canEdit} save={update} savedText={t('cooperatives.settings.saved')} readOnlyText={t('cooperatives.settings.presidentOnly')} />
      </Stack>
    </form>
  );
}

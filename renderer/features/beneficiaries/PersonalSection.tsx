import { ActionIcon, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { educationLevelSchema, languageSchema, todayIso, type Beneficiary, type BeneficiaryInput } from '../../../electron/contract';
import { IconLock, IconPlus, IconTrash } from '../../ui/icons';
import { DateField, MultiSelectField, NumberField, SelectField, TextAreaField, TextField } from './fields';
import { useBeneficiaryFieldError } from './format';
import { MAX_PHONES, type BeneficiaryDraft } from './form-model';
import { useLookupLabels } from './lookups';

type Form = UseFormReturn<BeneficiaryDraft, unknown, BeneficiaryInput>;

interface Props {
  form: Form;
  /** Without consent to service delivery the section is shown, disabled, with what it keeps. */
  enabled: boolean;
  /** The record being edited: the codes it holds stay selectable even if retired from the lists since. */
  existing?: Beneficiary;
}

export const PersonalSection = memo(function PersonalSection({ form, enabled, existing }: Props) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();

  const languages = languageSchema.options.map((value) => ({ value, label: t(`beneficiaries.language.${value}`) }));
  const education = educationLevelSchema.options.map((value) => ({ value, label: t(`beneficiaries.education.${value}`) }));
  const vulnerabilities = lookups.options('vulnerability', existing?.personal?.vulnerabilities ?? []);
  const sensitive = new Set(vulnerabilities.filter((v) => v.sensitive).map((v) => v.value));

  // A birth date fixes the birth year of the pseudonymous record, which is then no estimate.
  const onBirthDate = (value: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      form.setValue('birthYear', Number(value.slice(0, 4)), { shouldValidate: form.getFieldState('birthYear').invalid });
      form.setValue('birthYearEstimated', false);
    }
  };

  return (
    <Fieldset legend={t('beneficiaries.personal.legend')} radius="md" disabled={!enabled} aria-describedby="personal-state">
      <Stack>
        <Text size="sm" c={enabled ? 'dimmed' : 'orange.9'} id="personal-state">
          {enabled ? t('beneficiaries.personal.enabled') : t('beneficiaries.personal.disabled')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField form={form} name="personal.firstName" label={t('beneficiaries.field.firstName')} withAsterisk />
          <TextField form={form} name="personal.lastName" label={t('beneficiaries.field.lastName')} withAsterisk />
          <TextField
            form={form}
            name="personal.arabicName"
            label={t('beneficiaries.field.arabicName')}
            dir="rtl"
            lang="ar"
          />
          <DateField
            form={form}
            name="personal.birthDate"
            label={t('beneficiaries.field.birthDate')}
            description={t('beneficiaries.field.birthDateHelp')}
            maxDate={todayIso()}
            onDayChange={onBirthDate}
          />
        </SimpleGrid>

        <PhoneFields form={form} />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField form={form} name="personal.city" label={t('beneficiaries.field.city')} />
          <TextField form={form} name="personal.neighbourhood" label={t('beneficiaries.field.neighbourhood')} />
        </SimpleGrid>
        <MultiSelectField
          form={form}
          name="personal.languages"
          label={t('beneficiaries.field.languages')}
          data={languages}
          searchable
          clearable
        />

        <LegalStatusFields form={form} keep={existing?.personal?.legalStatus?.code} />

        <Fieldset legend={t('beneficiaries.field.household')} variant="filled" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {/* Decimals are allowed in the input so that "2.5" stays as typed and is refused at its field. */}
            <NumberField form={form} name="personal.household.dependants" label={t('beneficiaries.field.dependants')} min={0} max={30} allowDecimal />
            <NumberField
              form={form}
              name="personal.household.childrenUnder18"
              label={t('beneficiaries.field.childrenUnder18')}
              min={0}
              max={30}
              allowDecimal
            />
            <Controller
              control={form.control}
              name="personal.household.singleParent"
              render={({ field }) => (
                <Checkbox
                  mt={{ sm: 30 }}
                  label={t('beneficiaries.field.singleParent')}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                />
              )}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('beneficiaries.field.countHint')}
          </Text>
        </Fieldset>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField
            form={form}
            name="personal.educationLevel"
            label={t('beneficiaries.field.educationLevel')}
            data={education}
            allowDeselect={false}
          />
          <TextField form={form} name="personal.occupation" label={t('beneficiaries.field.occupation')} />
        </SimpleGrid>
        <TextAreaField form={form} name="personal.skills" label={t('beneficiaries.field.skills')} rows={3} />

        <MultiSelectField
          form={form}
          name="personal.vulnerabilities"
          label={t('beneficiaries.field.vulnerabilities')}
          description={t('beneficiaries.field.sensitiveHint')}
          data={vulnerabilities.map(({ value, label }) => ({ value, label }))}
          searchable
          clearable
          nothingFoundMessage={t('beneficiaries.nothingFound')}
          renderOption={({ option }) => (
            <Group gap={6} wrap="nowrap">
              <span>{option.label}</span>
              {sensitive.has(option.value) && (
                <IconLock width={14} height={14} aria-label={t('beneficiaries.sensitive')} role="img" aria-hidden={false} />
              )}
            </Group>
          )}
        />
      </Stack>
    </Fieldset>
  );
});

/** Up to five numbers, each checked by the contract's phone schema. */
function PhoneFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const fieldError = useBeneficiaryFieldError();
  const phones = useWatch({ control: form.control, name: 'personal.phones' });
  const addPhone = () => {
    form.setValue('personal.phones', [...phones, '']);
    // The new input exists after the next render.
    requestAnimationFrame(() => form.setFocus(`personal.phones.${phones.length}`));
  };
  const removePhone = (index: number) => {
    form.setValue(
      'personal.phones',
      phones.filter((_, i) => i !== index),
    );
    form.clearErrors('personal.phones');
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id="phones-label">
        {t('beneficiaries.field.phones')}
      </Text>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('beneficiaries.field.phonesHelp')}
      </Text>
      {phones.map((_, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Controller
            control={form.control}
            name={`personal.phones.${index}`}
            render={({ field, fieldState }) => (
              <TextInput
                type="tel"
                dir="ltr"
                autoComplete="off"
                label={t('beneficiaries.field.phoneN', { n: index + 1 })}
                {...field}
                error={fieldError(fieldState.error)}
                flex={1}
                maw={320}
              />
            )}
          />
          {phones.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              onClick={() => removePhone(index)}
              aria-label={t('beneficiaries.field.removePhone', { n: index + 1 })}
            >
              <IconTrash width={18} height={18} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {phones.length < MAX_PHONES && (
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus width={16} height={16} />} onClick={addPhone}>
            {t('beneficiaries.field.addPhone')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function LegalStatusFields({ form, keep }: { form: Form; keep?: string }) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const legalCode = useWatch({ control: form.control, name: 'personal.legalStatus.code' });
  const legalStatuses = lookups.options('legalStatus', keep ? [keep] : []);
  return (
    <Fieldset legend={t('beneficiaries.field.legalStatus')} variant="filled" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          form={form}
          name="personal.legalStatus.code"
          label={t('beneficiaries.field.legalStatusCode')}
          data={legalStatuses}
          searchable
          clearable
          nothingFoundMessage={t('beneficiaries.nothingFound')}
        />
        <TextField
          form={form}
          name="personal.legalStatus.documentNumber"
          label={t('beneficiaries.field.documentNumber')}
          dir="ltr"
          disabled={!legalCode}
        />
        <DateField
          form={form}
          name="personal.legalStatus.issueDate"
          label={t('beneficiaries.field.issueDate')}
          disabled={!legalCode}
        />
        <DateField
          form={form}
          name="personal.legalStatus.expiryDate"
          label={t('beneficiaries.field.expiryDate')}
          disabled={!legalCode}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

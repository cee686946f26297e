import { Alert, Button, Checkbox, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { Controller, useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentScopeSchema, todayIso, type BeneficiaryInput } from '../../../electron/contract';
import { DateField, TextField } from './fields';
import { useBeneficiaryFieldError } from './format';
import type { BeneficiaryDraft } from './form-model';

interface Props {
  form: UseFormReturn<BeneficiaryDraft, unknown, BeneficiaryInput>;
  /** Empties the personal section, for someone who did not consent after all. */
  onClearPersonal: () => void;
}

/** First in the form (law 09-08): what the person agreed to decides what may be recorded. */
export const ConsentSection = memo(function ConsentSection({ form, onClearPersonal }: Props) {
  const { t } = useTranslation();
  const fieldError = useBeneficiaryFieldError();
  const [givenBy, scopes] = useWatch({ control: form.control, name: ['consent.givenBy', 'consent.scopes'] });
  // `consent_required` is set on the consent object itself, when personal data comes without it.
  const consentError = useFormState({ control: form.control, name: 'consent' }).errors.consent?.message;

  return (
    <Fieldset legend={t('beneficiaries.consent.legend')} radius="md">
      <Stack>
        <Text size="sm">{t('beneficiaries.consent.law')}</Text>
        <Controller
          control={form.control}
          name="consent.scopes"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('beneficiaries.consent.scopes')}
              description={t('beneficiaries.consent.scopesHelp')}
              value={field.value}
              onChange={(value) => field.onChange(value.filter((v) => consentScopeSchema.safeParse(v).success))}
              error={fieldError(fieldState.error)}
            >
              <Stack gap="xs" mt="xs">
                {consentScopeSchema.options.map((scope, i) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={t(`beneficiaries.consent.scope.${scope}`)}
                    ref={i === 0 ? field.ref : undefined}
                    onBlur={field.onBlur}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {scopes.includes('sharing') && (
          <TextField
            form={form}
            name="consent.partners"
            label={t('beneficiaries.consent.partners')}
            description={t('beneficiaries.consent.partnersHelp')}
          />
        )}
        {scopes.length > 0 && (
          <>
            <Group align="flex-start" grow preventGrowOverflow={false}>
              <DateField
                form={form}
                name="consent.date"
                label={t('beneficiaries.consent.date')}
                maxDate={todayIso()}
                withAsterisk
                maw={220}
              />
              <Controller
                control={form.control}
                name="consent.givenBy"
                render={({ field }) => (
                  <Radio.Group label={t('beneficiaries.consent.givenBy')} value={field.value} onChange={field.onChange}>
                    <Group gap="lg" mt="xs">
                      <Radio value="person" label={t('beneficiaries.consent.byPerson')} ref={field.ref} />
                      <Radio value="guardian" label={t('beneficiaries.consent.byGuardian')} />
                    </Group>
                  </Radio.Group>
                )}
              />
            </Group>
            {givenBy === 'guardian' && (
              <TextField form={form} name="consent.guardianName" label={t('beneficiaries.consent.guardianName')} withAsterisk />
            )}
          </>
        )}
        {consentError && (
          <Alert color="red" variant="light" title={t('beneficiaries.consent.missingTitle')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{fieldError({ message: consentError })}</Text>
              <Button variant="default" size="xs" onClick={onClearPersonal}>
                {t('beneficiaries.consent.clearPersonal')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
});

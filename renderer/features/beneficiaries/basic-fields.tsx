import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryInput } from '../../../electron/contract';
import { useCountryOptions } from './countries';
import { NumberField, SelectField } from './fields';
import type { BeneficiaryDraft } from './form-model';
import { useLookupLabels } from './lookups';

// The facts every beneficiary record has, consent or not: the full form and the walk-in form ask
// for them with the same inputs, so the contract's errors read the same in both.

type DraftForm = UseFormReturn<BeneficiaryDraft, unknown, BeneficiaryInput>;
interface Layout {
  form: DraftForm;
  w?: number;
  maw?: number;
}

export function BirthYearField({ form, ...layout }: Layout) {
  const { t } = useTranslation();
  return (
    <NumberField
      form={form}
      name="birthYear"
      label={t('beneficiaries.field.birthYear')}
      min={1900}
      max={new Date().getFullYear()}
      thousandSeparator={false}
      withAsterisk
      {...layout}
    />
  );
}

/** `keep`: the record's own category, still offered if it has since been retired from the list. */
export function CategoryField({ form, keep, ...layout }: Layout & { keep?: string }) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  return (
    <SelectField
      form={form}
      name="category"
      label={t('beneficiaries.field.category')}
      data={lookups.options('category', keep ? [keep] : [])}
      withAsterisk
      searchable
      nothingFoundMessage={t('beneficiaries.nothingFound')}
      {...layout}
    />
  );
}

export function NationalityField({ form, ...layout }: Layout) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <SelectField
      form={form}
      name="nationality"
      label={t('beneficiaries.field.nationality')}
      data={countries}
      withAsterisk
      searchable
      nothingFoundMessage={t('beneficiaries.nothingFound')}
      {...layout}
    />
  );
}

import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../beneficiaries/countries';
import { useLookupLabels } from '../beneficiaries/lookups';

// The few facts a short registration asks for a beneficiary record (a member's, a walk-in's),
// shown as the full beneficiary form shows them.

interface Props<V> {
  value: V;
  onChange: (value: V) => void;
  error: string | undefined;
}

export function CategorySelect({ value, onChange, error }: Props<string | null>) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  return (
    <Select
      label={t('beneficiaries.field.category')}
      data={lookups.options('category')}
      value={value}
      onChange={onChange}
      searchable
      w={240}
      required
      error={error}
    />
  );
}

export function NationalitySelect({ value, onChange, error }: Props<string | null>) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <Select
      label={t('beneficiaries.field.nationality')}
      data={countries}
      value={value}
      onChange={onChange}
      searchable
      w={220}
      required
      error={error}
    />
  );
}

export function BirthYearInput({ value, onChange, error }: Props<number | ''>) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('beneficiaries.field.birthYear')}
      min={1900}
      max={new Date().getFullYear()}
      allowDecimal={false}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : '')}
      w={150}
      required
      error={error}
    />
  );
}

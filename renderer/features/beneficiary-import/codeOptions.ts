import { useTranslation } from 'react-i18next';
import type { CodedField } from '../../../electron/contract';
import { useCountryOptions } from '../beneficiaries/countries';
import { useLookupLabels } from '../beneficiaries/lookups';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

export interface CodeOption {
  value: string;
  label: string;
}

/** What a value of each coded column can be matched to, labelled in the UI language; a city, to the spellings already in the file. */
export function useCodeOptions(): (field: CodedField, cities?: string[]) => CodeOption[] {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const lookups = useLookupLabels();
  return (field, cities = []) => {
    switch (field) {
      case 'sex':
        return [
          { value: 'female', label: t('core:exports.sexValue.female') },
          { value: 'male', label: t('core:exports.sexValue.male') },
        ];
      case 'consentAnswer':
        return [
          { value: 'yes', label: t('import.values.yes') },
          { value: 'no', label: t('import.values.no') },
        ];
      case 'nationality':
        return countries;
      case 'category':
      case 'legalStatus':
        return lookups.options(field).map(({ value, label }) => ({ value, label }));
      case 'city':
        return cities.map((city) => ({ value: city, label: city }));
    }
  };
}

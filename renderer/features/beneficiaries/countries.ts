import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

countries.registerLocale(fr);
countries.registerLocale(ar);
countries.registerLocale(en);

const languageOf = (lang: string | undefined) => (lang === 'ar' || lang === 'en' ? lang : 'fr');

/** A country's name in the UI language; the code itself if the library does not know it. */
export function countryName(code: string, lang: string | undefined): string {
  return countries.getName(code, languageOf(lang), { select: 'official' }) ?? code;
}

/** Every country, named and sorted in the UI language, for the nationality selects. */
export function useCountryOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n.resolvedLanguage);
  return useMemo(() => {
    const names = countries.getNames(lang, { select: 'official' });
    const collator = new Intl.Collator(lang);
    return Object.entries(names)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [lang]);
}

/** Name of a country in the current language, as a hook-bound function. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  return (code) => countryName(code, lang);
}

import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../electron/contract';
import { changeLocale, localeNames, locales } from '../i18n';
import { useOpMutation } from './ops';
import { rememberLocale } from './session';

/** Each language is named in itself, so a person can find theirs whatever is on screen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const setLocale = useOpMutation('app.setLocale', {
    onSuccess: (_value, { locale }) => rememberLocale(client, locale),
  });

  const change = (locale: Locale) => {
    void changeLocale(locale);
    setLocale.mutate({ locale });
  };

  return (
    <SegmentedControl<Locale>
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage as Locale}
      onChange={change}
      size="xs"
      data={locales.map((locale) => ({
        value: locale,
        label: <span lang={locale}>{localeNames[locale]}</span>,
      }))}
    />
  );
}

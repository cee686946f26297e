import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, directionOf } from '../i18n';
import { useAppStatus } from './session';

/** Follows the language the core remembers (per device, or the signed-in user's), and its direction. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const locale = useAppStatus().data?.locale;

  useEffect(() => {
    if (locale) void changeLocale(locale);
  }, [locale]);

  const language = i18n.resolvedLanguage ?? 'fr';
  useEffect(() => setDirection(directionOf(language)), [language, setDirection]);

  return null;
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinorPlain } from '../../electron/contract';

/**
 * Numbers as each language writes them, the same on screen, on paper and in PDFs: French groups
 * thousands with a thin space (84 000,00), Moroccan Arabic keeps Latin digits (84.000,00), English
 * 84,000.00.
 */
const numberLocales: Record<string, string> = { fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB' };

const numberLocaleOf = (language: string): string => numberLocales[language] ?? 'fr-FR';

/** The currency as the language writes it (€, MAD, د.م.), wherever Intl would have put it. */
const currencySymbol = (locale: string, currency: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;

export interface NumberFormats {
  /** A count: 1 250. */
  number: (n: number) => string;
  /** A share of a whole (0.019 → 1,9 %). */
  percent: (ratio: number, fractionDigits?: number) => string;
  /** Centimes with the currency after the amount in every language: 84 000,00 MAD, 1 250,00 €. */
  money: (minor: number, currency?: string) => string;
  /** A decimal with a fixed number of digits after the separator (an exchange rate: 10,85). */
  decimal: (n: number, fractionDigits?: number) => string;
}

export function numberFormats(language: string): NumberFormats {
  const locale = numberLocaleOf(language);
  const count = new Intl.NumberFormat(locale);
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    number: (n) => count.format(n),
    percent: (ratio, fractionDigits = 1) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(ratio),
    // An exact decimal string, never a float: Intl formats it digit for digit.
    money: (minor, currency = 'MAD') =>
      `${amount.format(formatMinorPlain(minor, '.', '') as Intl.StringNumericLiteral)}\u00a0${currencySymbol(locale, currency)}`,
    decimal: (n, fractionDigits = 2) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n),
  };
}

/** The number formats of the UI language. */
export function useNumberFormats(): NumberFormats {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return useMemo(() => numberFormats(language), [language]);
}

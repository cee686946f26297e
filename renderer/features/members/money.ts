import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';

/** Centimes as MAD in the UI locale (`1 200,00 MAD`). */
export function useFormatMoney(): (centimes: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(i18n.resolvedLanguage ?? 'fr'), {
    style: 'currency',
    currency: 'MAD',
    currencyDisplay: 'code',
  });
  return (centimes) => format.format(centimes / 100);
}

/** What a person types in dirhams, as whole centimes (never a float in storage). */
export const toCentimes = (dirhams: number): number => Math.round(dirhams * 100);
export const toDirhams = (centimes: number): number => centimes / 100;

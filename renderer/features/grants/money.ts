import { useTranslation } from 'react-i18next';
import { formatMinorPlain } from '../../../electron/contract';
import { intlLocale } from '../../i18n';

/** Centimes shown in the UI language with the currency; the digits come from integers, never a float. */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (minor: number, currency: string): string => {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    // An exact decimal string: Intl formats it digit for digit.
    return format.format(formatMinorPlain(minor, '.', '') as Intl.StringNumericLiteral);
  };
}

export const moneyText = (minor: number | null | undefined): string => (minor ? formatMinorPlain(minor, ',', ' ') : '');

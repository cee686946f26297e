import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMinorPlain, parseMoney } from '../../../electron/contract';
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

/** "1 234,56" typed → centimes, or a problem code for the field. */
export function readMoney(text: string, path: string, problems: Record<string, string>): number {
  const minor = parseMoney(text);
  if (minor === null) problems[path] = text.trim() ? 'money_invalid' : 'required';
  return minor ?? 0;
}

export const moneyText = (minor: number | null | undefined): string => (minor ? formatMinorPlain(minor, ',', ' ') : '');

/** An amount typed as text ("1 234,56"): the form parses it to centimes with `readMoney`. */
export function MoneyInput({ currency, ...props }: Omit<TextInputProps, 'rightSection'> & { currency?: string }) {
  return <TextInput inputMode="decimal" autoComplete="off" rightSection={currency} rightSectionWidth={currency ? 48 : undefined} {...props} />;
}

import { formatMinorPlain } from '../../../electron/contract';
import { useNumberFormats } from '../../ui/numbers';

/** Centimes shown in the UI language with the currency, as everywhere else in the app. */
export const useMoney = () => useNumberFormats().money;

export const moneyText = (minor: number | null | undefined): string => (minor ? formatMinorPlain(minor, ',', ' ') : '');

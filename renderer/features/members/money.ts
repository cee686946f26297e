import { useNumberFormats } from '../../ui/numbers';

/** Centimes as MAD in the UI language (`1 200,00 MAD`), as everywhere else in the app. */
export const useFormatMoney = (): ((centimes: number) => string) => useNumberFormats().money;

/** What a person types in dirhams, as whole centimes (never a float in storage). */
export const toCentimes = (dirhams: number): number => Math.round(dirhams * 100);
export const toDirhams = (centimes: number): number => centimes / 100;

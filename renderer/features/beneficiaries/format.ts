import { todayIso } from '../../../electron/contract';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../i18n/validation';
import { intlLocale } from '../../i18n';
import { useNumberFormats } from '../../ui/numbers';

/** Numbers are stored as E.164; Moroccan ones are shown as people write them (06 12 34 56 78). */
export function formatPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, 'MA');
  if (!parsed) return phone;
  return parsed.country === 'MA' ? parsed.formatNational() : parsed.formatInternational();
}

/** `YYYY-MM-DD` in the UI locale, without time-zone shifts. */
export function useFormatDate(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage ?? 'fr'), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (iso) => {
    if (!iso) return '';
    const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

export const useFormatNumber = (): ((n: number) => string) => useNumberFormats().number;

/** Whole days from today (the PC's day, as the core counts it) to an ISO date: negative when past. */
export function daysUntil(iso: string, now = new Date()): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${todayIso(now)}T00:00:00Z`)) / 86_400_000);
}

/** Documents expiring within this many days are flagged, as on the follow-up dashboard. */
export const EXPIRY_WARNING_DAYS = 60;

export type ExpiryState = 'expired' | 'soon' | 'valid';

export function expiryState(iso: string, now = new Date()): ExpiryState {
  const days = daysUntil(iso, now);
  if (days < 0) return 'expired';
  return days <= EXPIRY_WARNING_DAYS ? 'soon' : 'valid';
}

/**
 * Messages of the beneficiary form: zod's own checks arrive as a translation key plus values (see
 * i18n/validation.ts), the contract's refinements and the core's field errors as a bare
 * snake_case key (`invalid_phone`, `not_in_list`), translated under `beneficiaries.validation`.
 */
export function useBeneficiaryFieldError(): (error: { message?: string } | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error) => {
    const message = error?.message;
    if (!message) return undefined;
    if (/^[a-z_]+$/.test(message)) {
      const key = `beneficiaries.validation.${message}`;
      return i18n.exists(key) ? t(key) : t('validation.invalid');
    }
    return translateMessage(t, message);
  };
}

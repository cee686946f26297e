import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { digitsOnly } from './text-normalization';

/** A query of digits with what people type between them: "+212 6-65", "06.65.88", "(0)6 65". */
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/**
 * A query typed as a phone number, as one run of digits the search text holds (see derive: the
 * E.164 digits, and 0 + the national number for Moroccan ones); null for any other query. A whole
 * number is read in its canonical form, Morocco by default (+212665884118, 00212 665884118 and
 * 06 65 88 41 18 all give 0665884118); the start of one keeps its digits, without the 00 of an
 * international call.
 */
export function phoneQueryDigits(query: string): string | null {
  const typed = query.trim();
  if (!PHONE_LIKE.test(typed)) return null;
  const digits = digitsOnly(typed);
  if (digits.length < 4) return null;
  const phone = parsePhoneNumberFromString(typed, 'MA');
  if (phone?.isValid()) return phone.countryCallingCode === '212' ? `0${phone.nationalNumber}` : digitsOnly(phone.number);
  return digits.startsWith('00') ? digits.slice(2) : digits;
}

import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  beneficiaryInputSchema,
  todayIso,
  type Beneficiary,
  type BeneficiaryInput,
  type consentScopeSchema,
  type educationLevelSchema,
  type languageSchema,
  type sexSchema,
} from '../../../electron/contract';
import { issueMessage } from '../../i18n/validation';
import type { z } from 'zod';

export const MAX_PHONES = 5;

/**
 * What the form holds: the shape of `BeneficiaryInput` (same field paths, so the contract's errors
 * land on the right inputs), with empty strings instead of absent values and the personal section
 * always present, so that unticking consent never throws away what was typed.
 */
export interface BeneficiaryDraft {
  consent: {
    date: string;
    givenBy: 'person' | 'guardian';
    guardianName: string;
    scopes: z.infer<typeof consentScopeSchema>[];
    partners: string;
  };
  sex: z.infer<typeof sexSchema> | '';
  birthYear: number | '';
  birthYearEstimated: boolean;
  nationality: string;
  category: string;
  initials: string;
  personal: {
    firstName: string;
    lastName: string;
    arabicName: string;
    birthDate: string;
    phones: string[];
    city: string;
    neighbourhood: string;
    languages: z.infer<typeof languageSchema>[];
    legalStatus: { code: string; documentNumber: string; issueDate: string; expiryDate: string };
    household: { dependants: number | ''; childrenUnder18: number | ''; singleParent: boolean };
    educationLevel: z.infer<typeof educationLevelSchema>;
    skills: string;
    occupation: string;
    vulnerabilities: string[];
  };
}

export function emptyDraft(today = todayIso()): BeneficiaryDraft {
  return {
    consent: { date: today, givenBy: 'person', guardianName: '', scopes: [], partners: '' },
    sex: '',
    birthYear: '',
    birthYearEstimated: false,
    nationality: '',
    category: '',
    initials: '',
    personal: {
      firstName: '',
      lastName: '',
      arabicName: '',
      birthDate: '',
      phones: [''],
      city: '',
      neighbourhood: '',
      languages: [],
      legalStatus: { code: '', documentNumber: '', issueDate: '', expiryDate: '' },
      household: { dependants: '', childrenUnder18: '', singleParent: false },
      educationLevel: 'unknown',
      skills: '',
      occupation: '',
      vulnerabilities: [],
    },
  };
}

export function draftOf(b: Beneficiary, today = todayIso()): BeneficiaryDraft {
  const blank = emptyDraft(today);
  const p = b.personal;
  return {
    consent: b.consent
      ? {
          date: b.consent.date,
          givenBy: b.consent.givenBy,
          guardianName: b.consent.guardianName ?? '',
          scopes: [...b.consent.scopes],
          partners: b.consent.partners ?? '',
        }
      : blank.consent,
    sex: b.sex,
    birthYear: b.birthYear,
    birthYearEstimated: b.birthYearEstimated,
    nationality: b.nationality,
    category: b.category,
    initials: p ? '' : b.initials,
    personal: p
      ? {
          firstName: p.firstName,
          lastName: p.lastName,
          arabicName: p.arabicName ?? '',
          birthDate: p.birthDate ?? '',
          phones: p.phones.length > 0 ? [...p.phones] : [''],
          city: p.city ?? '',
          neighbourhood: p.neighbourhood ?? '',
          languages: [...p.languages],
          legalStatus: {
            code: p.legalStatus?.code ?? '',
            documentNumber: p.legalStatus?.documentNumber ?? '',
            issueDate: p.legalStatus?.issueDate ?? '',
            expiryDate: p.legalStatus?.expiryDate ?? '',
          },
          household: {
            dependants: p.household.dependants ?? '',
            childrenUnder18: p.household.childrenUnder18 ?? '',
            singleParent: p.household.singleParent,
          },
          educationLevel: p.educationLevel,
          skills: p.skills ?? '',
          occupation: p.occupation ?? '',
          vulnerabilities: [...p.vulnerabilities],
        }
      : blank.personal,
  };
}

const blankToUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

export const hasServiceConsent = (draft: Pick<BeneficiaryDraft, 'consent'>): boolean =>
  draft.consent.scopes.includes('service');

/** True when anything was typed in the personal section (a default education does not count). */
export function hasPersonalData(p: BeneficiaryDraft['personal']): boolean {
  const texts = [p.firstName, p.lastName, p.arabicName, p.birthDate, p.city, p.neighbourhood, p.skills, p.occupation];
  return (
    texts.some((s) => s.trim() !== '') ||
    p.phones.some((s) => s.trim() !== '') ||
    p.languages.length > 0 ||
    p.vulnerabilities.length > 0 ||
    Object.values(p.legalStatus).some((s) => s.trim() !== '') ||
    p.household.dependants !== '' ||
    p.household.childrenUnder18 !== '' ||
    p.household.singleParent ||
    p.educationLevel !== 'unknown'
  );
}

/**
 * The draft as the operation's input: blanks become absent, phone inputs left empty are dropped
 * (`phoneIndex[i]` is the input that number i came from), and the personal section is sent when
 * consent to service delivery is given or something was typed in it (so the contract refuses it).
 */
export function inputOf(d: BeneficiaryDraft): { input: unknown; phoneIndex: number[] } {
  const scopes = d.consent.scopes;
  const consent =
    scopes.length === 0
      ? null
      : {
          date: d.consent.date,
          givenBy: d.consent.givenBy,
          guardianName: d.consent.givenBy === 'guardian' ? blankToUndefined(d.consent.guardianName) : undefined,
          scopes,
          partners: scopes.includes('sharing') ? blankToUndefined(d.consent.partners) : undefined,
        };
  const p = d.personal;
  const phoneIndex: number[] = [];
  p.phones.forEach((phone, i) => {
    if (phone.trim() !== '') phoneIndex.push(i);
  });
  const legal = p.legalStatus;
  const personal =
    hasServiceConsent(d) || hasPersonalData(p)
      ? {
          firstName: p.firstName,
          lastName: p.lastName,
          arabicName: blankToUndefined(p.arabicName),
          birthDate: blankToUndefined(p.birthDate),
          phones: phoneIndex.map((i) => p.phones[i]),
          city: blankToUndefined(p.city),
          neighbourhood: blankToUndefined(p.neighbourhood),
          languages: p.languages,
          legalStatus:
            legal.code === ''
              ? null
              : {
                  code: legal.code,
                  documentNumber: blankToUndefined(legal.documentNumber),
                  issueDate: blankToUndefined(legal.issueDate),
                  expiryDate: blankToUndefined(legal.expiryDate),
                },
          household: {
            dependants: p.household.dependants === '' ? null : p.household.dependants,
            childrenUnder18: p.household.childrenUnder18 === '' ? null : p.household.childrenUnder18,
            singleParent: p.household.singleParent,
          },
          educationLevel: p.educationLevel,
          skills: blankToUndefined(p.skills),
          occupation: blankToUndefined(p.occupation),
          vulnerabilities: p.vulnerabilities,
        }
      : null;
  return {
    input: {
      sex: d.sex === '' ? undefined : d.sex,
      birthYear: d.birthYear === '' ? undefined : d.birthYear,
      birthYearEstimated: d.birthYearEstimated,
      nationality: blankToUndefined(d.nationality),
      category: blankToUndefined(d.category),
      initials: personal ? undefined : blankToUndefined(d.initials),
      consent,
      personal,
    },
    phoneIndex,
  };
}

/**
 * A path of the operation's input (`personal.phones.1`, `personal.vulnerabilities.3`) as the path
 * of the form input that shows its error.
 */
export function formPath(path: string, phoneIndex: readonly number[]): string {
  const phone = /^personal\.phones\.(\d+)$/.exec(path);
  if (phone) return `personal.phones.${phoneIndex[Number(phone[1])] ?? Number(phone[1])}`;
  if (/^personal\.(vulnerabilities|languages)\.\d+$/.test(path)) return path.replace(/\.\d+$/, '');
  if (path === 'personal.legalStatus') return 'personal.legalStatus.code';
  return path;
}

const contractResolver = zodResolver(beneficiaryInputSchema, { error: issueMessage });

function remapPhoneErrors(errors: FieldErrors<FieldValues>, phoneIndex: readonly number[]): FieldErrors<FieldValues> {
  const personal = errors.personal as { phones?: unknown } | undefined;
  if (!personal || !Array.isArray(personal.phones)) return errors;
  const phones: unknown[] = [];
  personal.phones.forEach((error: unknown, i: number) => {
    if (error) phones[phoneIndex[i] ?? i] = error;
  });
  return { ...errors, personal: { ...personal, phones } } as unknown as FieldErrors<FieldValues>;
}

/** The contract's own schema, run on the draft turned into the operation's input. */
export const beneficiaryResolver: Resolver<BeneficiaryDraft, unknown, BeneficiaryInput> = async (values, context, options) => {
  const { input, phoneIndex } = inputOf(values);
  const result = await contractResolver(input as z.input<typeof beneficiaryInputSchema>, context, options as never);
  if (Object.keys(result.errors).length === 0) return { values: result.values as BeneficiaryInput, errors: {} };
  return { values: {}, errors: remapPhoneErrors(result.errors as FieldErrors<FieldValues>, phoneIndex) as FieldErrors<BeneficiaryDraft> };
};

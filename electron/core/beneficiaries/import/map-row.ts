import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { beneficiaryInputSchema, fieldProblems, type BeneficiaryInput, type ImportField, type LookupValue } from '../../../contract';
import { normalizeForSearch } from '../text-normalization';

countries.registerLocale(fr);
countries.registerLocale(en);
countries.registerLocale(ar);

/** Header spellings seen in associations' sheets (compared after normalisation). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  firstName: ['prenom', 'first name', 'firstname', 'given name', 'الاسم الشخصي', 'الاسم'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'النسب', 'اسم العائلة'],
  arabicName: ['nom arabe', 'nom en arabe', 'arabic name', 'الاسم الكامل', 'الاسم بالعربية'],
  initials: ['initiales', 'initials'],
  sex: ['sexe', 'sex', 'genre', 'gender', 'الجنس'],
  birthDate: ['date de naissance', 'date naissance', 'ne le', 'birth date', 'date of birth', 'dob', 'تاريخ الازدياد', 'تاريخ الميلاد'],
  birthYear: ['annee de naissance', 'annee naissance', 'birth year', 'year of birth', 'سنة الازدياد'],
  nationality: ['nationalite', 'nationality', 'pays', 'country', 'الجنسية'],
  category: ['categorie', 'category', 'type de beneficiaire', 'الفيه'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'mobile', 'portable', 'الهاتف'],
  city: ['ville', 'city', 'المدينه'],
  neighbourhood: ['quartier', 'neighbourhood', 'neighborhood', 'الحي'],
  legalStatus: ['statut', 'statut juridique', 'situation administrative', 'legal status', 'document', 'الوضعيه القانونيه'],
  documentNumber: ['numero de document', 'n document', 'numero du document', 'document number', 'رقم الوثيقه'],
  documentExpiry: ['date d expiration', 'expiration', 'expiry', 'expiry date', 'تاريخ الانتهاء'],
  consentDate: ['consentement', 'date du consentement', 'date consentement', 'consent', 'consent date', 'الموافقه'],
};

export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, string[]][]) {
    const index = headers.findIndex((h, i) => !used.has(i) && names.includes(normalizeForSearch(h).replace(/[°º.]/g, '').trim()));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO `yyyy-mm-dd`; anything else stays as typed and fails validation. */
export function toIsoDate(text: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  return text.trim();
}

const SEX: Record<string, 'female' | 'male'> = {
  f: 'female', femme: 'female', feminin: 'female', female: 'female', woman: 'female', انثي: 'female', انثى: 'female', امراه: 'female',
  m: 'male', h: 'male', homme: 'male', masculin: 'male', male: 'male', man: 'male', ذكر: 'male', رجل: 'male',
};

function nationalityCode(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  for (const lang of ['fr', 'en', 'ar']) {
    const code = countries.getAlpha2Code(t, lang);
    if (code) return code;
  }
  const demonyms: Record<string, string> = {
    marocain: 'MA', marocaine: 'MA', senegalais: 'SN', senegalaise: 'SN', ivoirien: 'CI', ivoirienne: 'CI',
    congolais: 'CD', congolaise: 'CD', guineen: 'GN', guineenne: 'GN', camerounais: 'CM', camerounaise: 'CM',
    malien: 'ML', malienne: 'ML', nigerian: 'NG', nigeriane: 'NG', syrien: 'SY', syrienne: 'SY', soudanais: 'SD',
  };
  return demonyms[normalizeForSearch(t)];
}

function lookupCode(text: string, values: LookupValue[]): string | undefined {
  const t = normalizeForSearch(text);
  return values.find(
    (v) => v.code === text.trim() || [v.labels.fr, v.labels.en, v.labels.ar].some((l) => normalizeForSearch(l) === t),
  )?.code;
}

export type RowOutcome = { ok: true; input: BeneficiaryInput } | { ok: false; reasons: Record<string, string> };

/**
 * One spreadsheet row to a beneficiary. Rows with a consent date keep their personal data
 * (consent recorded on paper, to service delivery and anonymised reporting); the others become
 * pseudonymous records, as the law requires.
 */
export function mapRow(
  row: string[],
  mapping: Partial<Record<ImportField, number>>,
  lists: { category: LookupValue[]; legalStatus: LookupValue[] },
): RowOutcome {
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const reasons: Record<string, string> = {};
  const sex = SEX[normalizeForSearch(cell('sex'))];
  if (!sex) reasons.sex = 'invalid_value';
  const nationality = nationalityCode(cell('nationality'));
  if (!nationality) reasons.nationality = 'invalid_value';
  const category = lookupCode(cell('category'), lists.category);
  if (!category) reasons.category = 'not_in_list';
  const birthDate = cell('birthDate') ? toIsoDate(cell('birthDate')) : undefined;
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : Number(cell('birthYear'));
  if (!Number.isInteger(birthYear) || birthYear === 0) reasons.birthYear = 'invalid_value';
  const statusText = cell('legalStatus');
  const statusCode = statusText ? lookupCode(statusText, lists.legalStatus) : undefined;
  if (statusText && !statusCode) reasons.legalStatus = 'not_in_list';
  if (Object.keys(reasons).length > 0) return { ok: false, reasons };

  const firstName = cell('firstName');
  const lastName = cell('lastName');
  const consentDate = cell('consentDate') ? toIsoDate(cell('consentDate')) : '';
  const initials = cell('initials') || `${firstName.charAt(0)}${lastName.charAt(0)}`;
  const base = { sex, birthYear, birthYearEstimated: !birthDate, nationality, category } as BeneficiaryInput;
  const candidate: BeneficiaryInput = consentDate
    ? {
        ...base,
        consent: { date: consentDate, givenBy: 'person', scopes: ['service', 'reporting'] },
        personal: {
          firstName,
          lastName,
          arabicName: cell('arabicName') || undefined,
          birthDate,
          phones: cell('phone') ? cell('phone').split(/[/,|]/).map((p) => p.trim()).filter(Boolean) : [],
          city: cell('city') || undefined,
          neighbourhood: cell('neighbourhood') || undefined,
          languages: [],
          legalStatus: statusCode
            ? {
                code: statusCode,
                documentNumber: cell('documentNumber') || undefined,
                expiryDate: cell('documentExpiry') ? toIsoDate(cell('documentExpiry')) : undefined,
              }
            : null,
          household: { dependants: 0, childrenUnder18: 0, singleParent: false },
          educationLevel: 'unknown',
          vulnerabilities: [],
        },
      }
    : { ...base, initials, consent: null, personal: null };
  const parsed = beneficiaryInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, reasons: fieldProblems(parsed.error) };
}

import type { ImportField } from '../../../contract';
import { normalizeForSearch } from '../text-normalization';

/** Header spellings seen in associations' sheets (compared after normalisation). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  fullName: ['nom et prenom', 'nom et prenoms', 'noms et prenoms', 'nom prenom', 'nom & prenom', 'nom complet', 'full name', 'name', 'الاسم الكامل', 'الاسم و النسب'],
  firstName: ['prenom', 'prenoms', 'first name', 'firstname', 'given name', 'الاسم الشخصي', 'الاسم'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'النسب', 'اسم العائلة'],
  arabicName: ['nom arabe', 'nom en arabe', 'arabic name', 'الاسم بالعربية'],
  initials: ['initiales', 'initials'],
  sex: ['sexe', 'sex', 'genre', 'gender', 'h/f', 'f/h', 'm/f', 'الجنس'],
  birthDate: ['date de naissance', 'date naissance', 'ne le', 'ne(e) le', 'birth date', 'date of birth', 'dob', 'تاريخ الازدياد', 'تاريخ الميلاد'],
  birthYear: ['annee de naissance', 'annee naissance', 'birth year', 'year of birth', 'سنة الازدياد', 'سنة الميلاد'],
  nationality: ['nationalite', 'nationality', 'pays', 'pays d origine', 'country', 'الجنسية'],
  category: ['categorie', 'category', 'type de beneficiaire', 'profil', 'الفيه'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'mobile', 'portable', 'الهاتف'],
  city: ['ville', 'city', 'المدينه'],
  neighbourhood: ['quartier', 'neighbourhood', 'neighborhood', 'الحي'],
  legalStatus: ['statut', 'statut juridique', 'situation administrative', 'legal status', 'document', 'الوضعيه القانونيه'],
  documentNumber: ['numero de document', 'n document', 'numero du document', 'document number', 'رقم الوثيقه'],
  documentExpiry: ['date d expiration', 'expiration', 'expiry', 'expiry date', 'تاريخ الانتهاء'],
  consentDate: ['date du consentement', 'date consentement', 'consent date', 'تاريخ الموافقه'],
  consentAnswer: ['accord', 'd accord', 'a signe', 'consentement signe', 'consent given', 'agreed', 'موافق'],
  dependants: ['personnes a charge', 'nombre de personnes a charge', 'a charge', 'dependants', 'dependents', 'الاشخاص المتكفل بهم', 'عدد الاشخاص المتكفل بهم'],
  childrenUnder18: ['enfants', 'nombre d enfants', 'enfants de moins de 18 ans', 'enfants mineurs', 'children', 'children under 18', 'الاطفال', 'عدد الاطفال'],
};

/** A consent column may hold dates or yes/no answers: its values decide. */
const CONSENT_NAMES = ['consentement', 'consent', 'الموافقه'];
const LOOKS_LIKE_DATE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{5})$/;

const headerKey = (header: string) => normalizeForSearch(header).replace(/[°º.:]/g, '').trim();

export function suggestMapping(headers: string[], sample: string[][] = []): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, string[]][]) {
    const index = keys.findIndex((key, i) => !used.has(i) && key !== '' && names.includes(key));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  const consent = keys.findIndex((key, i) => !used.has(i) && CONSENT_NAMES.includes(key));
  if (consent >= 0 && mapping.consentDate === undefined && mapping.consentAnswer === undefined) {
    const filled = sample.map((row) => (row[consent] ?? '').trim()).filter(Boolean);
    const dates = filled.filter((v) => LOOKS_LIKE_DATE.test(v)).length;
    mapping[dates * 2 >= filled.length ? 'consentDate' : 'consentAnswer'] = consent;
  }
  // A full-name column makes separate name columns unlikely; "Nom" alone then stays the full name.
  if (mapping.fullName !== undefined) {
    delete mapping.firstName;
    delete mapping.lastName;
  }
  return mapping;
}

/** How many of a line's cells are column titles the app knows. */
export function headerScore(cells: string[]): number {
  const keys = new Set(cells.map(headerKey).filter(Boolean));
  const known = new Set([...Object.values(HEADER_NAMES).flat(), ...CONSENT_NAMES]);
  return [...keys].filter((key) => known.has(key)).length;
}

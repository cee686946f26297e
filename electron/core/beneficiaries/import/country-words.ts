import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { normalizeForSearch } from '../text-normalization';

countries.registerLocale(fr);
countries.registerLocale(en);
countries.registerLocale(ar);

/** Short names lists use that no country library spells. */
const ALIASES: Record<string, string> = {
  rdc: 'CD', 'rd congo': 'CD', 'congo kinshasa': 'CD', 'congo rdc': 'CD', drc: 'CD', 'dr congo': 'CD', 'congo démocratique': 'CD',
  'congo brazzaville': 'CG', 'congo brazza': 'CG', 'ivory coast': 'CI', 'guinée conakry': 'GN', 'guinea conakry': 'GN',
  'guinée bissau': 'GW', 'centrafrique': 'CF', 'rca': 'CF', 'usa': 'US', 'syrie': 'SY', 'الكونغو الديمقراطية': 'CD',
  'كوت ديفوار': 'CI', 'ساحل العاج': 'CI',
};

/**
 * Masculine adjectives of nationality in French and English (the feminine is derived) and the
 * Arabic nisba (feminine with ة).
 */
const FRENCH: Record<string, string> = {
  marocain: 'MA', algérien: 'DZ', tunisien: 'TN', libyen: 'LY', mauritanien: 'MR', égyptien: 'EG', soudanais: 'SD',
  'sud soudanais': 'SS', tchadien: 'TD', nigérien: 'NE', nigérian: 'NG', malien: 'ML', sénégalais: 'SN', gambien: 'GM',
  guinéen: 'GN', 'bissau guinéen': 'GW', 'sierra léonais': 'SL', libérien: 'LR', ivoirien: 'CI', burkinabé: 'BF',
  ghanéen: 'GH', togolais: 'TG', béninois: 'BJ', camerounais: 'CM', centrafricain: 'CF', gabonais: 'GA',
  équatoguinéen: 'GQ', érythréen: 'ER', éthiopien: 'ET', somalien: 'SO', yéménite: 'YE', syrien: 'SY', palestinien: 'PS',
  irakien: 'IQ', français: 'FR', espagnol: 'ES', italien: 'IT', belge: 'BE', capverdien: 'CV', comorien: 'KM', angolais: 'AO',
  rwandais: 'RW', burundais: 'BI', kényan: 'KE', bangladais: 'BD', pakistanais: 'PK',
};
const ENGLISH: Record<string, string> = {
  moroccan: 'MA', algerian: 'DZ', tunisian: 'TN', libyan: 'LY', mauritanian: 'MR', egyptian: 'EG', sudanese: 'SD',
  'south sudanese': 'SS', chadian: 'TD', nigerien: 'NE', nigerian: 'NG', malian: 'ML', senegalese: 'SN', gambian: 'GM',
  guinean: 'GN', 'sierra leonean': 'SL', liberian: 'LR', ivorian: 'CI', burkinabe: 'BF', ghanaian: 'GH', togolese: 'TG',
  beninese: 'BJ', cameroonian: 'CM', 'central african': 'CF', gabonese: 'GA', eritrean: 'ER', ethiopian: 'ET',
  somali: 'SO', yemeni: 'YE', syrian: 'SY', palestinian: 'PS', iraqi: 'IQ', french: 'FR', spanish: 'ES', italian: 'IT',
  belgian: 'BE', 'cape verdean': 'CV', angolan: 'AO', rwandan: 'RW', burundian: 'BI', kenyan: 'KE',
};
const ARABIC: Record<string, string> = {
  مغربي: 'MA', جزائري: 'DZ', تونسي: 'TN', ليبي: 'LY', موريتاني: 'MR', مصري: 'EG', سوداني: 'SD', تشادي: 'TD',
  نيجيري: 'NG', مالي: 'ML', سنغالي: 'SN', غامبي: 'GM', غيني: 'GN', ليبيري: 'LR', ايفواري: 'CI', بوركينابي: 'BF',
  غاني: 'GH', توغولي: 'TG', بنيني: 'BJ', كاميروني: 'CM', غابوني: 'GA', اريتري: 'ER', اثيوبي: 'ET', صومالي: 'SO',
  يمني: 'YE', سوري: 'SY', فلسطيني: 'PS', عراقي: 'IQ', فرنسي: 'FR', اسباني: 'ES',
};

function frenchFeminine(word: string): string[] {
  if (word.endsWith('e')) return [];
  if (/(ien|éen|en)$/.test(word)) return [`${word}ne`];
  if (word.endsWith('on')) return [`${word}ne`];
  return [`${word}e`];
}

/** Normalised name or adjective → every country it may name. */
function buildIndex(): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (word: string, code: string) => {
    const key = normalizeForSearch(word);
    if (!key) return;
    const codes = index.get(key) ?? new Set<string>();
    codes.add(code);
    index.set(key, codes);
  };
  for (const lang of ['fr', 'en', 'ar']) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) add(name, code);
    }
  }
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    add(code, code);
    const alpha3 = countries.alpha2ToAlpha3(code);
    if (alpha3) add(alpha3, code);
  }
  for (const [word, code] of Object.entries(ALIASES)) add(word, code);
  for (const [word, code] of Object.entries(FRENCH)) [word, ...frenchFeminine(word)].forEach((w) => add(w, code));
  for (const [word, code] of Object.entries(ENGLISH)) add(word, code);
  for (const [word, code] of Object.entries(ARABIC)) [word, `${word}ة`].forEach((w) => add(w, code));
  // Two countries: never recognised alone, the first is suggested.
  for (const word of ['congolais', 'congolaise', 'congolese', 'كونغولي', 'كونغولية', 'congo']) ['CD', 'CG'].forEach((c) => add(word, c));
  return index;
}

let index: Map<string, Set<string>> | undefined;

/** Every country a written nationality may name: one when recognised, two for "Congo", none when unknown. */
export function countriesNamed(text: string): string[] {
  index ??= buildIndex();
  // "sénégalais(e)", "ivoirien(ne)": the feminine ending in brackets.
  const key = normalizeForSearch(text.replace(/\((e|ne|es|nes)\)/gi, ''));
  const found = index.get(key) ?? index.get(key.replace(/^(republique|republic)( du| de| of( the)?)? /, ''));
  return found ? [...found] : [];
}

/** Names to suggest a country from a misspelling: every indexed word with its country. */
export function countryWords(): [string, string][] {
  index ??= buildIndex();
  return [...index].filter(([, codes]) => codes.size === 1).map(([word, codes]) => [word, [...codes][0]]);
}


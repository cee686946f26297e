import { importValueChoicesSchema, type CodedField, type ImportValueChoices } from '../../../contract';
import type { Db } from '../../db/database';
import { normalizeForSearch } from '../text-normalization';
import { recognise, type CodeLists } from './recognise';

/** A settings row of its own: the association's earlier answers, reused by the next import. */
const KEY = 'importValueChoices';

export function rememberedChoices(db: Db): ImportValueChoices {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const parsed = row ? importValueChoicesSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : {};
}

/** Adds this import's choices to the remembered ones, keyed by the normalised value. */
export function rememberChoices(db: Db, choices: ImportValueChoices): void {
  const merged = rememberedChoices(db);
  for (const [field, values] of Object.entries(choices) as [CodedField, Record<string, string>][]) {
    for (const [value, code] of Object.entries(values)) (merged[field] ??= {})[normalizeForSearch(value)] = code;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(merged),
  );
}

export type CodeOf = (field: CodedField, text: string) => string | undefined;

/** This import's choices first, then the remembered ones, then the words the app knows. */
export function codeResolver(choices: ImportValueChoices, remembered: ImportValueChoices, lists: CodeLists): CodeOf {
  const cache = new Map<string, string | undefined>();
  return (field, text) => {
    const key = `${field}\u0000${text}`;
    if (cache.has(key)) return cache.get(key);
    const code = choices[field]?.[text] ?? remembered[field]?.[normalizeForSearch(text)] ?? recognise(field, text, lists);
    cache.set(key, code);
    return code;
  };
}

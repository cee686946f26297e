import type { LookupList, LookupValue } from '../../contract';
import type { Db } from '../db/database';

interface Row {
  list: LookupList;
  code: string;
  label_fr: string;
  label_ar: string;
  label_en: string;
  sensitive: 0 | 1;
  governance: 0 | 1;
  archived_at: string | null;
}

const toValue = (r: Row): LookupValue => ({
  list: r.list,
  code: r.code,
  labels: { fr: r.label_fr, ar: r.label_ar, en: r.label_en },
  sensitive: r.sensitive === 1,
  governance: r.governance === 1,
  archived: r.archived_at !== null,
});

export function listLookups(db: Db, list?: LookupList): LookupValue[] {
  const rows = (
    list
      ? db.prepare('SELECT * FROM lookup_values WHERE list = ? ORDER BY sort, code').all(list)
      : db.prepare('SELECT * FROM lookup_values ORDER BY list, sort, code').all()
  ) as Row[];
  return rows.map(toValue);
}

/** Codes are never deleted (records keep pointing at them); a retired value is archived. */
export function saveLookup(db: Db, value: LookupValue, at: string): void {
  db.prepare(
    `INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, governance, sort, archived_at)
     VALUES (@list, @code, @fr, @ar, @en, @sensitive, @governance,
       (SELECT coalesce(max(sort), 0) + 1 FROM lookup_values WHERE list = @list), @archivedAt)
     ON CONFLICT (list, code) DO UPDATE SET label_fr = excluded.label_fr, label_ar = excluded.label_ar,
       label_en = excluded.label_en, sensitive = excluded.sensitive,
       governance = excluded.governance, archived_at = excluded.archived_at`,
  ).run({
    list: value.list,
    code: value.code,
    ...value.labels,
    sensitive: value.sensitive ? 1 : 0,
    governance: value.list === 'activityType' && value.governance ? 1 : 0,
    archivedAt: value.archived ? at : null,
  });
}

import type { TFunction } from 'i18next';
import type { Partner } from '../../../electron/contract';
import { toCsv, type CsvDelimiter } from '../../../electron/contract/csv';

/** The directory as a spreadsheet: translated headers and types, formulas neutralised. */
export function partnersCsv(partners: readonly Partner[], t: TFunction, delimiter: CsvDelimiter): string {
  const header = [
    t('partners.name'),
    t('partners.type'),
    t('partners.city'),
    t('partners.contact'),
    t('partners.services'),
    t('partners.archived'),
  ];
  const rows = partners.map((p) => [
    p.name,
    t(`partners.types.${p.type}`),
    p.city,
    p.contact,
    p.services,
    p.archivedAt ? p.archivedAt.slice(0, 10) : '',
  ]);
  return toCsv([header, ...rows], delimiter);
}

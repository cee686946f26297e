import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../electron/core/beneficiaries/text-normalization';

describe('normalizeForSearch', () => {
  it('gives plain ASCII text the same form as the full path does', () => {
    // An Arabic letter sends the text down the full path; what precedes it must come out the same.
    const fullPath = (text: string) => normalizeForSearch(`${text} ا`).replace(/ ?ا$/, '');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -\'`.\t,éE'.split('')) }).filter((s) => /^[\x20-\x7e]*$/.test(s)), (text) => {
        expect(normalizeForSearch(text)).toBe(fullPath(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds accents, Arabic letter variants and separators', () => {
    expect(normalizeForSearch("  N'Diaye-Ékué  ")).toBe('n diaye ekue');
    expect(normalizeForSearch('أحمد  فاطمة')).toBe('احمد فاطمه');
    expect(normalizeForSearch('El  AMRANI')).toBe('el amrani');
  });
});

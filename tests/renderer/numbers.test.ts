import { describe, expect, it } from 'vitest';
import { numberFormats } from '../../renderer/ui/numbers';

describe('numbers in the language of the screen', () => {
  it('writes French amounts and shares the French way, the currency after the amount', () => {
    const fr = numberFormats('fr');
    expect(fr.money(8_400_000)).toBe('84\u202f000,00\u00a0MAD');
    expect(fr.money(125_050, 'EUR')).toBe('1\u202f250,50\u00a0€');
    expect(fr.percent(0.019)).toBe('1,9\u00a0%');
    expect(fr.decimal(10.85)).toBe('10,85');
  });

  it('keeps the currency after the amount in English and Arabic too, with Latin digits in Arabic', () => {
    expect(numberFormats('en').money(8_400_000)).toBe('84,000.00\u00a0MAD');
    expect(numberFormats('ar').money(8_400_000)).toMatch(/^\u200f?84\.000,00\u00a0د\.م\.$/);
    expect(numberFormats('en').money(-5_000)).toBe('-50.00\u00a0MAD');
  });
});

import { isValidPhoneNumber } from 'libphonenumber-js/min';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { phoneSchema } from '../../electron/contract';

const phones = z.object({ phones: z.array(phoneSchema) });

describe('a phone number as typed', () => {
  it('is stored in international form, Moroccan numbers taken without +212', () => {
    expect(phoneSchema.parse(' 06 12 34 56 78 ')).toBe('+212612345678');
    expect(phoneSchema.parse('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(phoneSchema.parse('00221 77 123 45 67')).toBe('+221771234567');
  });

  it('is refused at its own place when it is not a whole, valid number (nothing is taken out of a longer text)', () => {
    for (const typed of ['06 12', 'appeler le 0612345678 demain', '0612345678 ou 0698765432', 'abc']) {
      expect(isValidPhoneNumber(typed, 'MA')).toBe(false);
      const result = phones.safeParse({ phones: ['0612345678', typed] });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toMatchObject([{ path: ['phones', 1], message: 'invalid_phone' }]);
    }
  });
});

import { randomInt } from 'node:crypto';
import { RECOVERY_ALPHABET, RECOVERY_GROUP_LENGTH, RECOVERY_GROUPS } from '../../contract';

/** 30 characters from a 30-letter alphabet: about 147 bits, shown once and printed. */
export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code;
}

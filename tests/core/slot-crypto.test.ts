import { hkdfSync, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, type KdfParams } from '../../electron/core/db/slot-crypto';

const salt = Buffer.from('0123456789abcdef').toString('base64');

describe('the key a password opens a slot with', () => {
  it('is plain scrypt for a slot made with `scrypt` (RFC 7914 test vector, first 32 bytes)', async () => {
    const kdf: KdfParams = { name: 'scrypt', N: 1024, r: 8, p: 16, salt: Buffer.from('NaCl').toString('base64') };
    expect((await deriveKey('password', kdf)).toString('hex')).toBe('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162');
  });

  it('is, for `scrypt-lanes`, one scrypt per lane (the salt and the lane number) joined by HKDF-SHA256', async () => {
    const kdf: KdfParams = { name: 'scrypt-lanes', N: 1024, r: 8, p: 2, salt };
    const raw = Buffer.from(salt, 'base64');
    const lanes = [0, 1].map((lane) => scryptSync('mot de passe', Buffer.concat([raw, Buffer.from([lane])]), 32, { N: 1024, r: 8, p: 1 }));
    const expected = Buffer.from(hkdfSync('sha256', Buffer.concat(lanes), raw, Buffer.from('tadamon scrypt lanes'), 32));
    expect((await deriveKey('mot de passe', kdf)).equals(expected)).toBe(true);
  });

  it('differs with the password, the salt, the number of lanes, and from plain scrypt of the same cost', async () => {
    const lanes: KdfParams = { name: 'scrypt-lanes', N: 1024, r: 8, p: 2, salt };
    const keys = await Promise.all([
      deriveKey('mot de passe', lanes),
      deriveKey('mot de passe!', lanes),
      deriveKey('mot de passe', { ...lanes, salt: Buffer.from('fedcba9876543210').toString('base64') }),
      deriveKey('mot de passe', { ...lanes, p: 3 }),
      deriveKey('mot de passe', { ...lanes, name: 'scrypt' }),
    ]);
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(keys.length);
    expect(keys.every((key) => key.length === 32)).toBe(true);
  });

  it('reads an accented password the same however its letters were composed', async () => {
    const kdf: KdfParams = { name: 'scrypt-lanes', N: 1024, r: 8, p: 2, salt };
    expect((await deriveKey('Fès 2026', kdf)).equals(await deriveKey('Fe\u0300s 2026', kdf))).toBe(true);
  });
});

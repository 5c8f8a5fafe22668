// Supervision notes encryption (issue 12, "Private notes are private"): AES-256-GCM
// with the key id in each value and the record's table, id and field bound in as
// associated data, keys from NOTES_ENCRYPTION_KEYS that never appear in an error.
import { randomBytes } from 'node:crypto';
import {
  KeyConfigurationError,
  NoteDecryptionError,
  configuredKeyring,
  decryptField,
  encryptField,
  generateKeyEntry,
  keyIdOf,
  keyPrefix,
  parseKeyring,
  readsAsPlaintext,
  type FieldContext,
} from '@/lib/supervision/crypto';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const ringA = parseKeyring(`keyA:${keyA}`);
const ringBA = parseKeyring(`keyB:${keyB}, keyA:${keyA}`);

const session: FieldContext = { table: 'SupervisionSession', recordId: '0b7f3c1e-6a55-4c1d-9a65-1f0e8c7d2a10', field: 'notes' };
const phrase = 'We talked about the ward round where I was asked to restrain someone';

/** Flips one bit of one base64url part of a stored value. */
function flipBit(value: string, part: number, byte = 0): string {
  const parts = value.split(':');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[byte] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('encryptField and decryptField', () => {
  it('round-trips text, including empty, long and non-ASCII text', () => {
    for (const text of [phrase, '', 'ü ß 😊 — “quoted”\nnew line', 'x'.repeat(20_000)]) {
      expect(decryptField(encryptField(text, session, ringA), session, ringA)).toBe(text);
    }
  });

  it('stores pr1:<key id>:<iv>:<ciphertext>:<tag> and never the text', () => {
    const value = encryptField(phrase, session, ringA);
    const parts = value.split(':');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('pr1');
    expect(parts[1]).toBe('keyA');
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4], 'base64url')).toHaveLength(16);
    expect(keyIdOf(value)).toBe('keyA');
    expect(value.startsWith(keyPrefix('keyA'))).toBe(true);
    expect(value).not.toContain(phrase);
    expect(value).not.toContain('restrain');
    expect(value).not.toContain(Buffer.from(phrase).toString('base64'));
    expect(value).not.toContain(Buffer.from(phrase).toString('base64url').slice(0, 20));
  });

  it('uses a fresh IV each time, so the same note never gives the same value', () => {
    const values = new Set(Array.from({ length: 20 }, () => encryptField(phrase, session, ringA)));
    expect(values.size).toBe(20);
    const ivs = new Set([...values].map((value) => value.split(':')[2]));
    expect(ivs.size).toBe(20);
  });

  it('encrypts under the first key of the ring', () => {
    expect(keyIdOf(encryptField(phrase, session, ringBA))).toBe('keyB');
  });

  it('keyIdOf answers null for anything that is not an encrypted value', () => {
    expect(keyIdOf(phrase)).toBeNull();
    expect(keyIdOf('')).toBeNull();
    expect(keyIdOf('pr1:keyA:a:b')).toBeNull();
    expect(keyIdOf('pr2:keyA:a:b:c')).toBeNull();
    expect(keyIdOf('pr1:bad id!:a:b:c')).toBeNull();
  });

  it('refuses a value with any part tampered with, saying nothing of the content', () => {
    const value = encryptField(phrase, session, ringA);
    const tampered = [
      value.replace(/^pr1/u, 'pr2'),
      value.replace(':keyA:', ':keyB:'),
      flipBit(value, 2), // iv
      flipBit(value, 2, 11),
      flipBit(value, 3), // ciphertext, first and last byte
      flipBit(value, 3, Buffer.from(value.split(':')[3], 'base64url').length - 1),
      flipBit(value, 4), // tag
      flipBit(value, 4, 15),
    ];
    const parts = value.split(':');
    // Parts dropped, emptied, cut short or lengthened.
    tampered.push(parts.slice(0, 4).join(':'));
    tampered.push([...parts, 'extra'].join(':'));
    tampered.push([...parts.slice(0, 3), '', parts[4]].join(':'));
    tampered.push([...parts.slice(0, 4), ''].join(':'));
    tampered.push([...parts.slice(0, 3), Buffer.from(parts[3], 'base64url').subarray(1).toString('base64url'), parts[4]].join(':'));
    tampered.push([...parts.slice(0, 3), parts[3] + 'AAAA', parts[4]].join(':'));
    // A tag cut short (GCM would accept a 4-byte prefix of the right tag unless the length is fixed).
    for (const length of [4, 8, 12, 15]) tampered.push([...parts.slice(0, 4), Buffer.from(parts[4], 'base64url').subarray(0, length).toString('base64url')].join(':'));
    tampered.push([...parts.slice(0, 2), Buffer.from(parts[2], 'base64url').subarray(0, 8).toString('base64url'), parts[3], parts[4]].join(':'));
    tampered.push(phrase);
    tampered.push('');

    for (const candidate of tampered) {
      expect(candidate).not.toBe(value);
      let caught: unknown;
      try {
        decryptField(candidate, session, ringA);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NoteDecryptionError);
      expect((caught as Error).message).toBe('A SupervisionSession.notes value could not be decrypted');
      expect((caught as NoteDecryptionError).context).toEqual(session);
    }
  });

  it('binds the record: a value moved to another record, table or field does not decrypt', () => {
    const value = encryptField(phrase, session, ringA);
    const elsewhere: FieldContext[] = [
      { ...session, recordId: '0b7f3c1e-6a55-4c1d-9a65-1f0e8c7d2a11' },
      { ...session, recordId: session.recordId.toUpperCase() },
      { table: 'SupervisionComment', recordId: session.recordId, field: 'text' },
      { table: 'SupervisionAction', recordId: session.recordId, field: 'text' },
      // A note copied into who attended, on the same record.
      { table: 'SupervisionSession', recordId: session.recordId, field: 'attendees' },
    ];
    for (const context of elsewhere) {
      expect(() => decryptField(value, context, ringA)).toThrow(NoteDecryptionError);
    }
    expect(decryptField(value, session, ringA)).toBe(phrase);
  });

  it('refuses a value under a key id that is not configured, and under the right id with the wrong key', () => {
    const underA = encryptField(phrase, session, ringA);
    expect(() => decryptField(underA, session, parseKeyring(`keyB:${keyB}`))).toThrow(NoteDecryptionError);
    // Same id, different key material: the tag does not verify.
    expect(() => decryptField(underA, session, parseKeyring(`keyA:${keyB}`))).toThrow(NoteDecryptionError);
  });

  it('still decrypts a value under an older key while that key is listed', () => {
    const underA = encryptField(phrase, session, ringA);
    expect(decryptField(underA, session, ringBA)).toBe(phrase);
    const underB = encryptField(phrase, session, ringBA);
    expect(decryptField(underB, session, ringBA)).toBe(phrase);
    expect(() => decryptField(underB, session, ringA)).toThrow(NoteDecryptionError);
    // Once the old key is dropped, its values no longer decrypt.
    expect(() => decryptField(underA, session, parseKeyring(`keyB:${keyB}`))).toThrow(NoteDecryptionError);
  });
});

describe('parseKeyring', () => {
  function configurationError(value: string | undefined): KeyConfigurationError {
    try {
      parseKeyring(value);
    } catch (error) {
      expect(error).toBeInstanceOf(KeyConfigurationError);
      return error as KeyConfigurationError;
    }
    throw new Error(`parseKeyring accepted ${JSON.stringify(value)}`);
  }

  it('reads id:key pairs, the first encrypting and every one decrypting, ignoring spaces and empty entries', () => {
    const ring = parseKeyring(` keyB:${keyB} ,, keyA:${keyA},`);
    expect(ring.current.id).toBe('keyB');
    expect(ring.current.key.equals(Buffer.from(keyB, 'base64'))).toBe(true);
    expect([...ring.byId.keys()]).toEqual(['keyB', 'keyA']);
    expect(ring.byId.get('keyA')!.equals(Buffer.from(keyA, 'base64'))).toBe(true);
  });

  it('accepts what generateKeyEntry makes, with a default id or a given one', () => {
    const entry = generateKeyEntry();
    const ring = parseKeyring(entry);
    expect(ring.current.id).toMatch(/^k\d{8}[0-9a-f]{4}$/u);
    expect(ring.current.key).toHaveLength(32);
    expect(parseKeyring(generateKeyEntry('k2')).current.id).toBe('k2');
    expect(generateKeyEntry()).not.toBe(generateKeyEntry());
  });

  it('refuses a missing or empty setting', () => {
    for (const value of [undefined, '', '   ']) expect(configurationError(value).message).toMatch(/NOTES_ENCRYPTION_KEYS is not set/u);
    expect(configurationError(' , ,').message).toMatch(/lists no key/u);
  });

  it('refuses entries without an id, or with an id that is not letters, digits, - or _', () => {
    for (const value of [keyA, `:${keyA}`, `bad id:${keyA}`, `bad.id:${keyA}`, `${'x'.repeat(33)}:${keyA}`, `é:${keyA}`]) {
      const error = configurationError(value);
      expect(error.message).toMatch(/id:base64-key/u);
      expect(error.message).not.toContain(keyA);
    }
  });

  it('refuses a key that is not 32 bytes', () => {
    for (const key of [randomBytes(16).toString('base64'), randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), randomBytes(32).toString('hex'), '']) {
      const error = configurationError(`short:${key}`);
      expect(error.message).toMatch(/the key "short" must be 32 bytes/u);
      if (key) expect(error.message).not.toContain(key);
    }
  });

  it('refuses key text that only partly decodes: two keys run together, a space for a comma, a stray character', () => {
    for (const value of [`keyA:${keyA}${keyB}`, `keyB:${keyB} keyA:${keyA}`, `keyA:${keyA.slice(0, 20)}!${keyA.slice(20)}`, `keyA:${keyA.replace(/=$/u, '')}`]) {
      expect(configurationError(value).message).toMatch(/must be 32 bytes/u);
    }
  });

  it('refuses an id listed twice', () => {
    const error = configurationError(`keyA:${keyA},keyA:${keyB}`);
    expect(error.message).toMatch(/"keyA" is listed twice/u);
  });

  it('never puts key material in an error message, whatever is wrong', () => {
    const material = [keyA, keyB, Buffer.from(keyA, 'base64').toString('hex'), Buffer.from(keyB, 'base64').toString('hex')];
    const bad = [
      keyA,
      `${keyA}:${keyB}`,
      `keyA:${keyA},${keyB}`,
      `keyA:${keyA},keyA:${keyB}`,
      `keyA:${keyA.slice(0, 40)}`,
      `keyA:${keyA}${keyB}`,
      `keyA:${keyA}, bad!:${keyB}`,
      `keyA=${keyA}`,
    ];
    for (const value of bad) {
      const { message, stack } = configurationError(value);
      for (const secret of [...material, keyA.slice(0, 40), `${keyA}${keyB}`]) {
        expect(message).not.toContain(secret);
        expect(stack ?? '').not.toContain(secret);
      }
    }
  });
});

describe('configuredKeyring', () => {
  const saved = process.env.NOTES_ENCRYPTION_KEYS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NOTES_ENCRYPTION_KEYS;
    else process.env.NOTES_ENCRYPTION_KEYS = saved;
  });

  it('reads NOTES_ENCRYPTION_KEYS, and again when it changes', () => {
    process.env.NOTES_ENCRYPTION_KEYS = `keyA:${keyA}`;
    expect(configuredKeyring().current.id).toBe('keyA');
    expect(configuredKeyring()).toBe(configuredKeyring());
    process.env.NOTES_ENCRYPTION_KEYS = `keyB:${keyB},keyA:${keyA}`;
    expect(configuredKeyring().current.id).toBe('keyB');
    const value = encryptField(phrase, session);
    expect(keyIdOf(value)).toBe('keyB');
    expect(decryptField(value, session)).toBe(phrase);
  });

  it('fails without it, naming the variable and not encrypting', () => {
    delete process.env.NOTES_ENCRYPTION_KEYS;
    expect(() => encryptField(phrase, session)).toThrow(KeyConfigurationError);
  });
});

describe('readsAsPlaintext', () => {
  const attendees: FieldContext = { table: 'SupervisionSession', recordId: '6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e', field: 'attendees' };
  it('reads who attended, stored as typed before it was encrypted, as plaintext', () => {
    expect(readsAsPlaintext('Sam Okafor, student nurse', attendees)).toBe(true);
    expect(readsAsPlaintext('', attendees)).toBe(true);
  });
  it('never for an encrypted value, nor for any other column', () => {
    expect(readsAsPlaintext(encryptField('Sam Okafor', attendees, ringA), attendees)).toBe(false);
    expect(readsAsPlaintext('planted as plaintext', { ...attendees, field: 'notes' })).toBe(false);
    expect(readsAsPlaintext('planted as plaintext', { table: 'SupervisionComment', recordId: attendees.recordId, field: 'text' })).toBe(false);
  });
});

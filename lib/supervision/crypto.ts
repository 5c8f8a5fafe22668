import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * Supervision notes (and the comments and actions beside them) are encrypted
 * in the database with AES-256-GCM through node:crypto, so that a database dump
 * alone reveals no note (issue 12; the Prisma field-encryption middleware does
 * not support Prisma 7).
 *
 * - Keys come from configuration: NOTES_ENCRYPTION_KEYS, a comma-separated list
 *   of `id:key` with each key 32 random bytes in base64. The first encrypts;
 *   every listed key decrypts. The embedded demo generates one into .data/.
 * - Each value carries its key id, so keys can rotate: put the new key first,
 *   run `npm run keys:rotate` (lib/supervision/key-rotation.ts), then drop the
 *   old one.
 * - The record's table, id and field are bound in as associated data: a value
 *   copied onto another record, or into another field, does not decrypt.
 *
 * Stored form: `pr1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts).
 *
 * Who else attended a session was stored as typed before it was encrypted
 * too: `readsAsPlaintext` says which stored values are from then, and
 * `npm run keys:rotate` encrypts them.
 */

const FORMAT = 'pr1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/u;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Every encrypted column: a session's notes and who else attended, a comment's or an action's text. */
export const ENCRYPTED_FIELDS = [
  { table: 'SupervisionSession', field: 'notes' },
  { table: 'SupervisionSession', field: 'attendees' },
  { table: 'SupervisionComment', field: 'text' },
  { table: 'SupervisionAction', field: 'text' },
] as const;

type EncryptedField = (typeof ENCRYPTED_FIELDS)[number];

export type FieldContext = EncryptedField & { recordId: string };

export interface Keyring {
  current: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
}

export class KeyConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyConfigurationError';
  }
}

/** A value that does not decrypt: tampered with, moved to another record, or under a key no longer configured. Says nothing of the content. */
export class NoteDecryptionError extends Error {
  constructor(readonly context: FieldContext) {
    super(`A ${context.table}.${context.field} value could not be decrypted`);
    this.name = 'NoteDecryptionError';
  }
}

/** Parses NOTES_ENCRYPTION_KEYS. Throws, naming the problem but never a key, when it is missing or malformed. */
export function parseKeyring(value: string | undefined): Keyring {
  if (!value || !value.trim()) {
    throw new KeyConfigurationError('NOTES_ENCRYPTION_KEYS is not set: supervision notes cannot be encrypted. Set it to id:base64-key (32 random bytes); see the README.');
  }
  const byId = new Map<string, Buffer>();
  let current: Keyring['current'] | null = null;
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    const written = entry.slice(separator + 1);
    const key = Buffer.from(written, 'base64');
    if (separator < 1 || !KEY_ID.test(id)) throw new KeyConfigurationError('NOTES_ENCRYPTION_KEYS: each key must be written id:base64-key, with an id of letters, digits, - or _');
    // Node's base64 decoding skips what it cannot read and stops at '=': two keys run together, or a typo, must not pass as one key.
    if (key.length !== 32 || key.toString('base64') !== written) throw new KeyConfigurationError(`NOTES_ENCRYPTION_KEYS: the key "${id}" must be 32 bytes (44 characters of base64)`);
    if (byId.has(id)) throw new KeyConfigurationError(`NOTES_ENCRYPTION_KEYS: the key id "${id}" is listed twice`);
    byId.set(id, key);
    current ??= { id, key };
  }
  if (!current) throw new KeyConfigurationError('NOTES_ENCRYPTION_KEYS lists no key');
  return { current, byId };
}

let cached: { source: string | undefined; keyring: Keyring } | null = null;

/** The configured keyring, parsed once per value of the environment variable. */
export function configuredKeyring(): Keyring {
  const source = process.env.NOTES_ENCRYPTION_KEYS;
  if (!cached || cached.source !== source) cached = { source, keyring: parseKeyring(source) };
  return cached.keyring;
}

/** A new key entry for NOTES_ENCRYPTION_KEYS. */
export function generateKeyEntry(id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(2).toString('hex')}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

const associatedData = (context: FieldContext) => Buffer.from(`${FORMAT}|${context.table}|${context.recordId}|${context.field}`, 'utf8');

export function encryptField(plaintext: string, context: FieldContext, keyring: Keyring = configuredKeyring()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, keyring.current.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

/** The id of the key a stored value is under, or null when it is not an encrypted value. */
export function keyIdOf(value: string): string | null {
  const parts = value.split(':');
  return parts.length === 5 && parts[0] === FORMAT && KEY_ID.test(parts[1]) ? parts[1] : null;
}

export function decryptField(value: string, context: FieldContext, keyring: Keyring = configuredKeyring()): string {
  const parts = value.split(':');
  const key = parts.length === 5 && parts[0] === FORMAT ? keyring.byId.get(parts[1]) : undefined;
  if (!key) throw new NoteDecryptionError(context);
  try {
    // The full 16-byte tag, always: without authTagLength, node:crypto accepts a tag cut to 4 bytes, which a forger could guess.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2], 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(Buffer.from(parts[4], 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new NoteDecryptionError(context);
  }
}

/**
 * Who else attended a session, stored before that was encrypted: a value that
 * is not in the encrypted form at all (an empty one is nobody). Only that
 * column had plaintext; anything else not in the form fails to decrypt.
 */
export function readsAsPlaintext(value: string, context: FieldContext): boolean {
  return context.table === 'SupervisionSession' && context.field === 'attendees' && !value.startsWith(`${FORMAT}:`);
}

/** The prefix every value under this key starts with: how rotation finds the values still to re-encrypt. */
export function keyPrefix(keyId: string): string {
  return `${FORMAT}:${keyId}:`;
}

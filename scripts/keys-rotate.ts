// `npm run keys:rotate`: re-encrypts every supervision note, comment and action
// under the first key in NOTES_ENCRYPTION_KEYS (lib/supervision/key-rotation.ts),
// in batches that each commit, so it can be stopped and run again: it carries on
// where it stopped, and once finished a run changes nothing. It prints counts
// only, never a note or a key, and exits non-zero if a value does not decrypt
// (naming its table and record id) or if values are left under an older key.
//
// Keys: NOTES_ENCRYPTION_KEYS (from the environment or .env), or, when that is
// not set, the keys `npm start` keeps in .data/notes-keys (the embedded demo).
// `--new-key` first puts a freshly generated key at the front of that file.
// Database: DATABASE_URL, or the embedded PostgreSQL `npm start` made, as for
// `npm run purge:candidates`.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { disconnectDb } from '@/lib/db';
import { KeyConfigurationError, NoteDecryptionError, generateKeyEntry, parseKeyring, type Keyring } from '@/lib/supervision/crypto';
import { rotateNoteKeys, valuesToRotate, type FieldName } from '@/lib/supervision/key-rotation';

interface EmbeddedHandle {
  url: string;
  stop: () => Promise<void>;
}

const USAGE = `Usage: npm run keys:rotate [-- --new-key]

Re-encrypts every supervision note, comment and action under the first key in
NOTES_ENCRYPTION_KEYS. Safe to stop and run again.

  --new-key   Only for the keys npm start keeps in .data/notes-keys (when
              NOTES_ENCRYPTION_KEYS is not set): put a newly generated key
              first in that file, then re-encrypt everything under it.`;

const LABELS: Record<FieldName, string> = { 'SupervisionSession.notes': 'session notes', 'SupervisionSession.attendees': 'who attended', 'SupervisionComment.text': 'comments', 'SupervisionAction.text': 'actions' };

// .mjs modules shared with scripts/start.mjs; a variable specifier keeps tsc from wanting their types (as in scripts/purge-candidates.ts).
async function importScript<T>(name: string): Promise<T> {
  const specifier: string = `./${name}`;
  return (await import(specifier)) as T;
}

/** Stops the run with a message and an exit code, showing no stack. */
class Stop extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function parseArguments(argv: string[]): { newKey: boolean } {
  let newKey = false;
  for (const argument of argv) {
    if (argument === '--new-key') newKey = true;
    else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Stop(`Unknown option ${JSON.stringify(argument)}.\n\n${USAGE}`, 2);
  }
  return { newKey };
}

/** DATABASE_URL, or the embedded database `npm start` made (shared when `npm start` is running, started for this run otherwise). */
async function openDatabase(persistentDataDir: string): Promise<EmbeddedHandle | null> {
  if (process.env.DATABASE_URL) return null;
  const { resolveEmbeddedDataDir, startEmbeddedPostgres } = await importScript<{
    resolveEmbeddedDataDir: (dataDir: string, options: { persistent: boolean }) => string;
    startEmbeddedPostgres: (options: { dataDir: string; persistent: boolean }) => Promise<EmbeddedHandle>;
  }>('embedded-postgres.mjs');
  const dataDir = resolveEmbeddedDataDir(persistentDataDir, { persistent: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Stop(`DATABASE_URL is not set and there is no embedded database in ${dataDir}: set DATABASE_URL to the app's database, or run \`npm start\` once first.`);
  }
  const handle = await startEmbeddedPostgres({ dataDir, persistent: true });
  process.env.DATABASE_URL = handle.url;
  return handle;
}

/** Writes the keys file as scripts/start.mjs keeps it: one line, readable by its owner only; replaced whole, never half-written. */
function writeKeysFile(file: string, value: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${value}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/**
 * The keys to rotate with, from the environment or the demo's file. With
 * --new-key, a key generated to go first in that file: `save` writes it (once
 * the database has opened, so a run that cannot start adds no key).
 */
function planKeys(keysFile: string, relativeKeysFile: string, newKey: boolean): { keyring: Keyring; save?: () => void } {
  if (process.env.NOTES_ENCRYPTION_KEYS) {
    if (newKey) {
      throw new Stop(
        'NOTES_ENCRYPTION_KEYS is set, so --new-key cannot change it: put the new key first in NOTES_ENCRYPTION_KEYS where it is configured, keeping the older keys after it, restart the app, then run npm run keys:rotate without --new-key (see "Rotating the notes key" in the README).',
        2,
      );
    }
    return { keyring: parseKeyring(process.env.NOTES_ENCRYPTION_KEYS) };
  }
  const existing = existsSync(keysFile) ? readFileSync(keysFile, 'utf8').trim() : '';
  if (!newKey) {
    if (!existing) throw new Stop(`NOTES_ENCRYPTION_KEYS is not set and there is no ${relativeKeysFile}: set NOTES_ENCRYPTION_KEYS to the keys the app uses, or run \`npm start\` once first.`);
    console.log(`Using the keys in ${relativeKeysFile} (NOTES_ENCRYPTION_KEYS is not set).`);
    return { keyring: parseKeyring(existing) };
  }
  // Check what is there before adding to it: a broken file is reported, not built on.
  const older = existing ? parseKeyring(existing) : null;
  let entry = generateKeyEntry();
  while (older?.byId.has(entry.slice(0, entry.indexOf(':')))) entry = generateKeyEntry();
  const value = existing ? `${entry},${existing}` : entry;
  const keyring = parseKeyring(value);
  return {
    keyring,
    save: () => {
      writeKeysFile(keysFile, value);
      console.log(
        older
          ? `Added a new key "${keyring.current.id}" first in ${relativeKeysFile}; ${older.byId.size === 1 ? 'the older key stays' : `the ${older.byId.size} older keys stay`} listed after it, so values under ${older.byId.size === 1 ? 'it' : 'them'} still read. If this run stops, run npm run keys:rotate (without --new-key) to carry on.`
          : `Wrote a new key "${keyring.current.id}" to ${relativeKeysFile}.`,
      );
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { newKey } = parseArguments(argv);
  const { loadProjectEnv, PERSISTENT_DATA_DIR } = await importScript<{ loadProjectEnv: () => void; PERSISTENT_DATA_DIR: string }>('db.mjs');
  loadProjectEnv();
  // The same file scripts/start.mjs keeps the demo's key in.
  const keysFile = path.join(path.dirname(PERSISTENT_DATA_DIR), 'notes-keys');
  const relativeKeysFile = path.relative(process.cwd(), keysFile) || keysFile;

  const { keyring, save } = planKeys(keysFile, relativeKeysFile, newKey);
  const embedded = await openDatabase(PERSISTENT_DATA_DIR);
  try {
    save?.();
    const keyId = keyring.current.id;
    const toDo = await valuesToRotate(keyring);
    if (toDo === 0) {
      console.log(`Nothing to re-encrypt: every supervision note, attendee list, comment and action is already under key "${keyId}".`);
      return 0;
    }
    console.log(`Re-encrypting ${plural(toDo, 'supervision value')} (session notes, who attended, comments and actions) under key "${keyId}"...`);
    let done = 0;
    let result;
    try {
      result = await rotateNoteKeys({
        keyring,
        onProgress: (field, fieldDone) => {
          console.log(`  ${LABELS[field]}: ${fieldDone} re-encrypted`);
        },
      });
      done = Object.values(result.reencrypted).reduce((sum, count) => sum + count, 0);
    } catch (error) {
      if (error instanceof NoteDecryptionError) {
        // The table and record id only: never the value, which is the note's ciphertext.
        const left = await valuesToRotate(keyring).catch(() => null);
        throw new Stop(
          `The ${error.context.table}.${error.context.field} value of record ${error.context.recordId} could not be decrypted with any key in NOTES_ENCRYPTION_KEYS: it was altered, copied from another record, or is under a key that is no longer listed. Rotation stopped there${left === null ? '' : `, with ${plural(left, 'value')} still under an older key`}; what was re-encrypted before stays re-encrypted. Deal with that record (or list the key it is under), then run npm run keys:rotate again.`,
        );
      }
      throw error;
    }
    const remaining = await valuesToRotate(keyring);
    console.log(`Re-encrypted ${plural(done, 'value')} under key "${keyId}": ${result.reencrypted['SupervisionSession.notes']} session notes, ${result.reencrypted['SupervisionSession.attendees']} lists of who attended, ${result.reencrypted['SupervisionComment.text']} comments, ${result.reencrypted['SupervisionAction.text']} actions.`);
    if (remaining > 0) {
      console.log(
        `${plural(remaining, 'value is', 'values are')} still under an older key (records being changed while this ran, or written by an app still encrypting under an older key). Run npm run keys:rotate again; keep the older keys listed until it finishes with none left.`,
      );
      return 1;
    }
    console.log(`0 values are still under an older key. Once every copy of the app runs with "${keyId}" first, the older keys can be removed from ${process.env.NOTES_ENCRYPTION_KEYS ? 'NOTES_ENCRYPTION_KEYS' : relativeKeysFile}.`);
    if (newKey) console.log('If `npm start` is running, restart it: until then it cannot read the re-encrypted notes.');
    return 0;
  } finally {
    await disconnectDb();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Stop) {
      console.error(error.message);
      process.exit(error.code);
    }
    // KeyConfigurationError messages name the problem and never a key; anything else, by its message only.
    console.error(error instanceof KeyConfigurationError || error instanceof Error ? error.message : 'keys:rotate failed');
    process.exit(1);
  },
);

import { db } from '@/lib/db';
import { configuredKeyring, decryptField, encryptField, keyPrefix, type FieldContext, type Keyring } from '@/lib/supervision/crypto';

/*
 * `npm run keys:rotate`: re-encrypts every supervision note, comment and action
 * under the first key in NOTES_ENCRYPTION_KEYS. It works in batches, each its
 * own transaction, and picks only values not yet under the current key, so it
 * can be stopped at any point and run again: it carries on where it stopped,
 * and a second run after it finished changes nothing. Co-signed records are
 * never edited otherwise; the guard trigger lets this transaction (and only
 * one that says it is rotating keys) re-encrypt their notes.
 */

const FIELDS: ReadonlyArray<FieldContext['table']> = ['SupervisionSession', 'SupervisionComment', 'SupervisionAction'];
const column = (table: FieldContext['table']): FieldContext['field'] => (table === 'SupervisionSession' ? 'notes' : 'text');

export interface RotationResult {
  keyId: string;
  reencrypted: Record<FieldContext['table'], number>;
}

/** One batch of one table: re-encrypts up to `batchSize` values not under the current key. Returns how many. */
async function rotateBatch(table: FieldContext['table'], keyring: Keyring, batchSize: number): Promise<number> {
  const field = column(table);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
      // Table and column names come from the fixed list above, never from input.
      const rows = await tx.$queryRawUnsafe<Array<{ id: string; value: string }>>(
        `SELECT id::text AS id, "${field}" AS value FROM "${table}" WHERE left("${field}", $1) <> $2 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        keyPrefix(keyring.current.id).length,
        keyPrefix(keyring.current.id),
        batchSize,
      );
      for (const row of rows) {
        const context: FieldContext = { table, recordId: row.id, field };
        const value = encryptField(decryptField(row.value, context, keyring), context, keyring);
        await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${field}" = $1 WHERE id = $2::uuid`, value, row.id);
      }
      return rows.length;
    },
    { timeout: 120_000 },
  );
}

export async function rotateNoteKeys({ batchSize = 500, keyring = configuredKeyring(), onProgress }: { batchSize?: number; keyring?: Keyring; onProgress?: (table: string, done: number) => void } = {}): Promise<RotationResult> {
  const reencrypted = { SupervisionSession: 0, SupervisionComment: 0, SupervisionAction: 0 };
  for (const table of FIELDS) {
    for (;;) {
      const done = await rotateBatch(table, keyring, batchSize);
      if (done === 0) break;
      reencrypted[table] += done;
      onProgress?.(table, reencrypted[table]);
    }
  }
  return { keyId: keyring.current.id, reencrypted };
}

/** How many values are not yet under the current key (0 once a rotation has finished). */
export async function valuesToRotate(keyring: Keyring = configuredKeyring()): Promise<number> {
  let total = 0;
  for (const table of FIELDS) {
    const field = column(table);
    const [row] = await db.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*) AS count FROM "${table}" WHERE left("${field}", $1) <> $2`, keyPrefix(keyring.current.id).length, keyPrefix(keyring.current.id));
    total += Number(row.count);
  }
  return total;
}

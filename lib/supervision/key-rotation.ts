import { db } from '@/lib/db';
import { configuredKeyring, decryptField, encryptField, ENCRYPTED_FIELDS, keyPrefix, readsAsPlaintext, type FieldContext, type Keyring } from '@/lib/supervision/crypto';

/*
 * `npm run keys:rotate`: re-encrypts every supervision note, who else attended,
 * comment and action under the first key (and encrypts who attended sessions
 * recorded before that was encrypted) in NOTES_ENCRYPTION_KEYS. It works in batches, each its
 * own transaction, and picks only values not yet under the current key, so it
 * can be stopped at any point and run again: it carries on where it stopped,
 * and a second run after it finished changes nothing. Co-signed records are
 * never edited otherwise; the guard trigger lets this transaction (and only
 * one that says it is rotating keys) re-encrypt their notes.
 */

/** A column's name in results and progress: `SupervisionSession.notes`. */
type Column = (typeof ENCRYPTED_FIELDS)[number];
type NameOf<C> = C extends { table: infer T extends string; field: infer F extends string } ? `${T}.${F}` : never;
export type FieldName = NameOf<Column>;
const nameOf = (column: Column) => `${column.table}.${column.field}` as FieldName;

export interface RotationResult {
  keyId: string;
  reencrypted: Record<FieldName, number>;
}

/** Values in this column not under the current key (empty attendees, nobody, have nothing to encrypt). */
const notUnderCurrentKey = (column: Column) => `left("${column.field}", $1) <> $2${column.field === 'attendees' ? ` AND "${column.field}" <> ''` : ''}`;

/** One batch of one column: re-encrypts up to `batchSize` values not under the current key (or not yet encrypted). Returns how many. */
async function rotateBatch(column: Column, keyring: Keyring, batchSize: number): Promise<number> {
  const { table, field } = column;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
      // Table and column names come from the fixed list in crypto.ts, never from input.
      const rows = await tx.$queryRawUnsafe<Array<{ id: string; value: string }>>(
        `SELECT id::text AS id, "${field}" AS value FROM "${table}" WHERE ${notUnderCurrentKey(column)} ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        keyPrefix(keyring.current.id).length,
        keyPrefix(keyring.current.id),
        batchSize,
      );
      for (const row of rows) {
        const context = { ...column, recordId: row.id } as FieldContext;
        const plaintext = readsAsPlaintext(row.value, context) ? row.value : decryptField(row.value, context, keyring);
        await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${field}" = $1 WHERE id = $2::uuid`, encryptField(plaintext, context, keyring), row.id);
      }
      return rows.length;
    },
    { timeout: 120_000 },
  );
}

export async function rotateNoteKeys({ batchSize = 500, keyring = configuredKeyring(), onProgress }: { batchSize?: number; keyring?: Keyring; onProgress?: (field: FieldName, done: number) => void } = {}): Promise<RotationResult> {
  const reencrypted = Object.fromEntries(ENCRYPTED_FIELDS.map((column) => [nameOf(column), 0])) as Record<FieldName, number>;
  for (const column of ENCRYPTED_FIELDS) {
    for (;;) {
      const done = await rotateBatch(column, keyring, batchSize);
      if (done === 0) break;
      reencrypted[nameOf(column)] += done;
      onProgress?.(nameOf(column), reencrypted[nameOf(column)]);
    }
  }
  return { keyId: keyring.current.id, reencrypted };
}

/** How many values are not yet under the current key (0 once a rotation has finished). */
export async function valuesToRotate(keyring: Keyring = configuredKeyring()): Promise<number> {
  let total = 0;
  for (const column of ENCRYPTED_FIELDS) {
    const [row] = await db.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*) AS count FROM "${column.table}" WHERE ${notUnderCurrentKey(column)}`, keyPrefix(keyring.current.id).length, keyPrefix(keyring.current.id));
    total += Number(row.count);
  }
  return total;
}

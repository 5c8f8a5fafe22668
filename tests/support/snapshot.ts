// What "nothing changed" means for the refusal and bad-input tests: every table
// of the database (its row count and a digest of every row), read in one query.
// Each test file has a database of its own, and its tests run one after another,
// so any difference between two snapshots was made by the call in between.
import { db } from '@/lib/db';

let tables: Promise<string[]> | undefined;

/**
 * The application's tables, looked up once per test file: not Prisma's migration
 * log, and not UserSession, whose rows record that someone is signed in and was
 * seen (each request may start or touch one), not anything an action changed.
 */
function applicationTables(): Promise<string[]> {
  tables ??= db
    .$queryRaw<Array<{ name: string }>>`
      SELECT table_name AS "name" FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'UserSession')
      ORDER BY table_name`
    .then((rows) => rows.map((row) => row.name));
  return tables;
}

export interface DatabaseSnapshot {
  /** Rows per table, by table name (e.g. `AuditEvent`). */
  counts: Record<string, number>;
  /** An md5 of each table's rows, in a fixed order: any inserted, changed or deleted row changes it. */
  digests: Record<string, string>;
}

/** The whole database in one round trip: every row, the test world's and everyone else's. */
export async function snapshotDatabase(): Promise<DatabaseSnapshot> {
  const names = await applicationTables();
  const columns = names.map((name) => {
    const table = `"${name.replace(/"/g, '""')}"`;
    return `(SELECT json_build_array(count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))) FROM ${table} t) AS ${table}`;
  });
  const [row] = await db.$queryRawUnsafe<Array<Record<string, [number, string]>>>(`SELECT ${columns.join(', ')}`);
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const name of names) [counts[name], digests[name]] = row[name];
  return { counts, digests };
}

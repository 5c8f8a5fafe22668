import PgBoss from 'pg-boss';
import type pg from 'pg';

/** pg-boss keeps its tables in their own schema, beside (not in) the Prisma-managed ones. */
export const JOB_SCHEMA = 'pgboss';

/** Failed jobs stay retryable from the failed jobs page for 30 days, then pg-boss archives them. */
const FAILED_JOBS_KEPT_SECONDS = 30 * 24 * 60 * 60;

export function createBoss(connectionString: string, options: { pollingIntervalSeconds?: number } = {}): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: 'peerroles-worker',
    archiveFailedAfterSeconds: FAILED_JOBS_KEPT_SECONDS,
    ...options,
  });
}

/** A pg-boss `db` that runs its statements on this client, inside whatever transaction the client is in. */
export function onClient(client: pg.PoolClient) {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
}

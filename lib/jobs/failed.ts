import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import { createBoss, JOB_SCHEMA } from '@/lib/jobs/boss';
import { pageArgs, toPage } from '@/lib/pagination';

/*
 * The dead-letter list: jobs that failed every try (lib/jobs/queues.ts) and
 * wait for an administrator. Read from pg-boss's own table; a retry goes
 * through pg-boss, inside the action's transaction with its audit event.
 */

export interface FailedJob {
  id: string;
  queue: string;
  error: string;
  tries: number;
  createdOn: Date;
  failedOn: Date | null;
  /** For a notification email: what it was and whom it was for. */
  notificationKind: string | null;
  recipientName: string | null;
}

const ERROR_SHOWN_CHARACTERS = 300;

/** True once a worker has created pg-boss's tables. */
async function jobTablesExist(client: Tx | typeof db): Promise<boolean> {
  const [row] = await client.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AS exists`;
  return row.exists;
}

export async function listFailedJobs(page = 1) {
  if (!(await jobTablesExist(db))) return { ...toPage<FailedJob>([], 0, 1), workerHasRun: false };
  const { skip, take } = pageArgs(page);
  const rows = await db.$queryRawUnsafe<Array<FailedJob & { total: bigint }>>(
    `SELECT j.id::text AS id, j.name AS queue, left(COALESCE(j.output->>'message', j.output::text, ''), ${ERROR_SHOWN_CHARACTERS}) AS error,
            j.retry_count + 1 AS tries, j.created_on AS "createdOn", j.completed_on AS "failedOn",
            n.kind::text AS "notificationKind", u.name AS "recipientName", count(*) OVER () AS total
     FROM ${JOB_SCHEMA}.job j
     LEFT JOIN "Notification" n ON n.id = CASE WHEN j.data->>'notificationId' ~ '^[0-9a-f-]{36}$' THEN (j.data->>'notificationId')::uuid END
     LEFT JOIN "User" u ON u.id = n."recipientId"
     WHERE j.state = 'failed'
     ORDER BY j.completed_on DESC NULLS LAST, j.id
     LIMIT $1 OFFSET $2`,
    take,
    skip,
  );
  const total = rows.length > 0 ? Number(rows[0].total) : 0;
  const items: FailedJob[] = rows.map((row) => ({ id: row.id, queue: row.queue, error: row.error, tries: Number(row.tries), createdOn: row.createdOn, failedOn: row.failedOn, notificationKind: row.notificationKind, recipientName: row.recipientName }));
  return { ...toPage(items, total, page), workerHasRun: true };
}

/** The failed job's queue, locked for the retry; null when there is no such failed job (retried already, or never failed). */
export async function lockFailedJob(tx: Tx, jobId: string): Promise<{ queue: string } | null> {
  if (!(await jobTablesExist(tx))) return null;
  const rows = await tx.$queryRawUnsafe<Array<{ queue: string }>>(`SELECT name AS queue FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid AND state = 'failed' FOR UPDATE`, jobId);
  return rows[0] ?? null;
}

/** Puts a failed job back in its queue through pg-boss, in this transaction; the worker picks it up within seconds. */
export async function retryFailedJob(tx: Tx, queue: string, jobId: string): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  // A pg-boss that never connects: its statements run on the action's transaction.
  const boss = createBoss(connectionString);
  const inTransaction = { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
  await boss.retry(queue, jobId, { db: inTransaction } as never);
  // pg-boss keeps a waiting job until its original keep_until (14 days after it was created) and then
  // archives it unrun: a job retried weeks after it failed gets a fresh fortnight.
  await tx.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET keep_until = GREATEST(keep_until, now() + interval '14 days') WHERE name = $1 AND id = $2::uuid`, queue, jobId);
}

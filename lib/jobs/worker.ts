import pg from 'pg';
import type PgBoss from 'pg-boss';
import { createBoss, onClient } from '@/lib/jobs/boss';
import { HANDLERS } from '@/lib/jobs/handlers';
import { NOTIFICATION_EMAIL_QUEUE, PEOPLE_IMPORT_QUEUE, QUEUES } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { mailMode } from '@/lib/mail/transport';
import { dispatchQueued } from '@/lib/notifications/delivery';
import { dispatchQueuedImports } from '@/lib/people/import-records';

/*
 * The background worker: pg-boss on the app's own PostgreSQL, so any number of
 * workers share one queue and nothing else has to be deployed. It
 * - creates the queues and the schedules (idempotent: every worker does it),
 * - works every queue in lib/jobs/handlers.ts,
 * - moves notifications from the outbox to mail jobs, and confirmed large
 *   imports of people to their jobs, every OUTBOX_POLL_MS.
 * `npm start` runs it as a child process beside the app (decision 0017);
 * `npm run worker` runs it alone.
 */

export interface WorkerOptions {
  databaseUrl: string;
  /** How often the outbox is read (default 2000 ms). */
  outboxPollMs?: number;
  /** How often pg-boss looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** Seconds before a failed job's first retry, for every queue (the tests use 1); each queue's own otherwise. */
  retryDelaySeconds?: number;
  /** Where the worker's JSON log lines go. */
  log?: (line: Record<string, unknown>) => void;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Moves what is in the outbox now (also runs on its own every outboxPollMs). */
  dispatchNow: () => Promise<number>;
  stop: () => Promise<void>;
}

const defaultLog = (line: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));

function describe(error: unknown) {
  const err = error instanceof Error ? error : null;
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  return { error: err?.name ?? typeof error, ...(code ? { code } : {}) };
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? defaultLog;
  const boss = createBoss(options.databaseUrl, options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {});
  boss.on('error', (error) => log({ level: 'warn', event: 'job engine error', ...describe(error) }));
  await boss.start();

  for (const [name, policy] of Object.entries(QUEUES)) {
    const settings = { name, retryLimit: policy.retryLimit, retryDelay: options.retryDelaySeconds ?? policy.retryDelay, retryBackoff: policy.retryBackoff, expireInSeconds: policy.expireInSeconds };
    await boss.createQueue(name, settings);
    // A queue created by an earlier release keeps its old policy unless it is updated.
    await boss.updateQueue(name, settings);
  }
  for (const schedule of SCHEDULES) await boss.schedule(schedule.queue, schedule.cron, {}, { tz: schedule.tz });

  const workerIds = new Map<string, string>();
  for (const [name, handler] of Object.entries(HANDLERS)) {
    const workerId = await boss.work(name, { batchSize: 1, ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}) }, async ([job]) => {
      try {
        return await handler(job.data);
      } catch (error) {
        log({ level: 'warn', event: 'job failed', queue: name, job: job.id, ...describe(error) });
        throw error;
      } finally {
        // pg-boss waits a polling interval after each job; a job done means there may be more: look again at once.
        boss.notifyWorker(workerIds.get(name)!);
      }
    });
    workerIds.set(name, workerId);
  }

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'peerroles-outbox' });
  pool.on('error', (error) => log({ level: 'warn', event: 'outbox connection error', ...describe(error) }));
  /** One job per record, inserted on the connection (and so in the transaction) that marks the records dispatched. */
  const enqueueTo = (queue: string, key: string) => async (client: pg.PoolClient, ids: readonly string[]) => {
    await boss.insert(
      ids.map((id) => ({ name: queue, data: { [key]: id }, singletonKey: id })),
      { db: onClient(client) } as Parameters<PgBoss['insert']>[1],
    );
  };
  const enqueue = enqueueTo(NOTIFICATION_EMAIL_QUEUE, 'notificationId');
  const enqueueImports = enqueueTo(PEOPLE_IMPORT_QUEUE, 'importId');
  const wakeMailWorker = () => boss.notifyWorker(workerIds.get(NOTIFICATION_EMAIL_QUEUE)!);

  let running: Promise<number> | null = null;
  const dispatchNow = async () => {
    // One pass at a time in this worker; other workers skip the rows this one holds.
    while (running) await running.catch(() => 0);
    running = (async () => {
      let total = 0;
      for (let handled = await dispatchQueued(pool, enqueue); handled > 0; handled = await dispatchQueued(pool, enqueue)) total += handled;
      if (total > 0) wakeMailWorker();
      if ((await dispatchQueuedImports(pool, enqueueImports)) > 0) boss.notifyWorker(workerIds.get(PEOPLE_IMPORT_QUEUE)!);
      return total;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    dispatchNow().catch((error) => log({ level: 'warn', event: 'outbox dispatch failed', ...describe(error) }));
  }, options.outboxPollMs ?? 2_000);
  timer.unref();
  await dispatchNow().catch((error) => log({ level: 'warn', event: 'outbox dispatch failed', ...describe(error) }));
  log({ level: 'info', event: 'worker started', queues: Object.keys(HANDLERS), mail: mailMode() });
  if (mailMode() === 'outbox' && process.env.PEERROLES_DEMO !== '1') {
    log({ level: 'warn', event: 'no mail server', detail: 'SMTP_URL is not set: emails are kept in the outbox (Settings, Reminders and emails), not sent' });
  }

  return {
    boss,
    dispatchNow,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool.end();
    },
  };
}

// The background worker inside a test: the real pg-boss on the test file's own
// database, polling fast so tests wait milliseconds, not seconds.
import { createBoss } from '@/lib/jobs/boss';
import { NOTIFICATION_EMAIL_QUEUE } from '@/lib/jobs/queues';
import { startWorker, type RunningWorker } from '@/lib/jobs/worker';

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: integration tests run in tests/support/database-environment.js');
  return url;
}

export function startTestWorker(): Promise<RunningWorker> {
  return startWorker({ databaseUrl: databaseUrl(), outboxPollMs: 100, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, log: () => {} });
}

/** Waits until `check` returns something truthy (checking every 50 ms), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, { timeoutMs = 20_000, what = 'the condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A notification email job that failed every try, as the failed jobs page lists it. Starts pg-boss's schema if needed. */
export async function createFailedJob(notificationId: string, message = 'Mailbox unavailable'): Promise<string> {
  const boss = createBoss(databaseUrl());
  await boss.start();
  try {
    await boss.createQueue(NOTIFICATION_EMAIL_QUEUE, { name: NOTIFICATION_EMAIL_QUEUE, retryLimit: 0 });
    const id = await boss.send(NOTIFICATION_EMAIL_QUEUE, { notificationId }, { retryLimit: 0 });
    if (!id) throw new Error('pg-boss did not create the job');
    // With no retries left, failing it (as a worker would) leaves it failed for good.
    await boss.fail(NOTIFICATION_EMAIL_QUEUE, id, { message });
    return id;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

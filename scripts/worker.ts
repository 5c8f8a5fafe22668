// `npm run worker`: the background worker on its own (lib/jobs/worker.ts).
// `npm start` runs one beside the app; run more, or run them apart from the
// app instances, with this (DATABASE_URL, SMTP_URL, MAIL_FROM and NEXTAUTH_URL
// or PUBLIC_URL from the environment, as for the app).
import process from 'node:process';

import { startWorker } from '@/lib/jobs/worker';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: the worker runs against the app's database.");
    process.exit(2);
  }
  const worker = await startWorker({ databaseUrl, outboxPollMs: Number(process.env.OUTBOX_POLL_MS || 2000) });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Ctrl-C reaches the worker and npm start forwards it too: a second signal must not cut a send short
      // (npm start kills the worker if it has not stopped within 10 seconds).
      if (stopping) return;
      stopping = true;
      worker.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), event: 'worker could not start', error: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : undefined }));
  process.exit(1);
});

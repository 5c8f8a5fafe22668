// `npm run purge:candidates`: deletes the personal data of every candidate whose
// retention date has passed, now, as the nightly recruitment.purge job does
// (lib/recruitment/retention.ts). Safe to run at any time and as often as you
// like. Uses DATABASE_URL (from the environment or .env); without it, the
// embedded PostgreSQL that `npm start` uses (its data in .data/postgres), which
// must have been set up by `npm start` first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { disconnectDb } from '@/lib/db';
import { purgeExpiredCandidates } from '@/lib/recruitment/retention';

interface EmbeddedHandle {
  url: string;
  stop: () => Promise<void>;
}

// .mjs modules shared with scripts/start.mjs; a variable specifier keeps tsc from wanting their types (as in prisma/seed.ts).
async function importScript<T>(name: string): Promise<T> {
  const specifier: string = `./${name}`;
  return (await import(specifier)) as T;
}

/** DATABASE_URL, or the embedded database `npm start` made (shared when `npm start` is running, started for this run otherwise). */
async function openDatabase(): Promise<EmbeddedHandle | null> {
  const { loadProjectEnv, PERSISTENT_DATA_DIR } = await importScript<{ loadProjectEnv: () => void; PERSISTENT_DATA_DIR: string }>('db.mjs');
  loadProjectEnv();
  if (process.env.DATABASE_URL) return null;
  const { resolveEmbeddedDataDir, startEmbeddedPostgres } = await importScript<{
    resolveEmbeddedDataDir: (dataDir: string, options: { persistent: boolean }) => string;
    startEmbeddedPostgres: (options: { dataDir: string; persistent: boolean }) => Promise<EmbeddedHandle>;
  }>('embedded-postgres.mjs');
  const dataDir = resolveEmbeddedDataDir(PERSISTENT_DATA_DIR, { persistent: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`DATABASE_URL is not set and there is no embedded database in ${dataDir}: set DATABASE_URL to the app's database, or run \`npm start\` once first.`);
  }
  const handle = await startEmbeddedPostgres({ dataDir, persistent: true });
  process.env.DATABASE_URL = handle.url;
  return handle;
}

async function main(): Promise<number> {
  const embedded = await openDatabase();
  try {
    const { purged } = await purgeExpiredCandidates();
    console.log(purged === 0 ? 'No candidate’s personal data was due for deletion.' : `Deleted the personal data of ${purged} candidate${purged === 1 ? '' : 's'} under the retention rule.`);
    return 0;
  } finally {
    await disconnectDb();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

#!/usr/bin/env node
// Database tooling that works offline (no Prisma schema-engine binary needed).
//
//   node scripts/db.mjs migrate       apply prisma/migrations (like `prisma migrate deploy`)
//   node scripts/db.mjs new <name>    write the next migration from prisma/schema/
//   node scripts/db.mjs check         exit 1 and print the SQL when schema and migrations disagree
//   node scripts/db.mjs seed          run prisma/seed.ts
//
// With DATABASE_URL set, that database is used. Without it, `migrate` and `seed`
// use the embedded PostgreSQL in .data/postgres (the one `npm start` uses), and
// `new`/`check` use a throwaway embedded PostgreSQL (the diff only needs a server
// to build a shadow database on).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  ROOT_DIR,
  applyMigrations,
  createMigration,
  diffSchemaAgainstMigrations,
  ensureDatabase,
  resolveMigration,
} from './schema-engine.mjs';

export const PERSISTENT_DATA_DIR = path.join(ROOT_DIR, '.data', 'postgres');

const USAGE = `Usage: node scripts/db.mjs <command>

  migrate       apply pending migrations in prisma/migrations
  new <name>    create prisma/migrations/<timestamp>_<name>/migration.sql from prisma/schema/
  check         exit 1 (and print the SQL) when prisma/schema/ and prisma/migrations disagree
  seed          run prisma/seed.ts
  resolve --rolled-back <migration> | --applied <migration>
                after a failed migration: record it as rolled back (undone by hand)
                or as applied (completed by hand), like \`prisma migrate resolve\`

DATABASE_URL selects the database; without it the embedded PostgreSQL in .data/postgres is used.`;

let currentChild = null;

/** Where to work: DATABASE_URL, or an embedded PostgreSQL (persistent or throwaway). */
async function openDatabase({ persistent }) {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    try {
      await ensureDatabase(url);
    } catch {
      // No access to the server's `postgres` database (managed hosting): the
      // database must exist already, and the next step reports it if not.
    }
    return { url, embedded: false, stop: async () => {} };
  }
  const { startEmbeddedPostgres, handleShutdownSignals, resolveEmbeddedDataDir } = await import('./embedded-postgres.mjs');
  handleShutdownSignals(async () => stopChild());
  const dataDir = persistent ? PERSISTENT_DATA_DIR : path.join(tmpdir(), `peerroles-pg-${randomBytes(6).toString('hex')}`);
  if (persistent) {
    const actual = resolveEmbeddedDataDir(dataDir);
    console.error(`Using the embedded PostgreSQL in ${path.relative(process.cwd(), actual) || actual}`);
  }
  const handle = await startEmbeddedPostgres({ dataDir, persistent });
  return { url: handle.url, embedded: true, stop: () => handle.stop() };
}

function stopChild() {
  const child = currentChild;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Loads .env files the way Next.js does (.env, .env.local, .env.production or
 * .env.development, ...), so a DATABASE_URL kept there selects the same database
 * for these scripts as for the app. Variables already set win.
 */
export function loadProjectEnv({ dev = process.env.NODE_ENV !== 'production' } = {}) {
  try {
    const requireFromNext = createRequire(createRequire(import.meta.url).resolve('next/package.json'));
    const { loadEnvConfig } = requireFromNext('@next/env');
    loadEnvConfig(ROOT_DIR, dev, { info() {}, error: console.error });
    // Let child Next.js processes load the files themselves too (values set here still win).
    delete process.env.__NEXT_PROCESSED_ENV;
  } catch (error) {
    if (error?.code !== 'MODULE_NOT_FOUND') throw error;
  }
}

/**
 * Runs prisma/seed.ts with tsx (as `npx tsx prisma/seed.ts` would), passing `env`.
 * `onSpawn(child)` lets the caller stop it on Ctrl-C. Resolves with the exit code.
 */
export function runSeed(env, onSpawn = () => {}) {
  const require = createRequire(import.meta.url);
  let tsxCli;
  try {
    tsxCli = require.resolve('tsx/cli');
  } catch {
    tsxCli = null;
  }
  const [command, args] = tsxCli
    ? [process.execPath, [tsxCli, 'prisma/seed.ts']]
    : ['npx', ['tsx', 'prisma/seed.ts']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT_DIR, env, stdio: 'inherit' });
    currentChild = child;
    onSpawn(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function relative(file) {
  return path.relative(process.cwd(), file) || file;
}

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const db = await openDatabase({ persistent: true });
      try {
        const { appliedMigrationNames } = await applyMigrations(db.url);
        if (appliedMigrationNames.length === 0) console.log('Database is up to date: no migrations to apply.');
        else {
          console.log(`Applied ${appliedMigrationNames.length} migration(s):`);
          for (const name of appliedMigrationNames) console.log(`  ${name}`);
        }
        return 0;
      } finally {
        await db.stop();
      }
    }
    case 'new': {
      const name = rest.join('_');
      if (!name) {
        console.error('Give the migration a name: node scripts/db.mjs new <name>');
        return 2;
      }
      const db = await openDatabase({ persistent: false });
      try {
        const migration = await createMigration(db.url, name);
        console.log(`Created ${relative(migration.file)}`);
        console.log('Review it, add anything Prisma cannot express (triggers, data changes), then run: npm run db:migrate');
        return 0;
      } catch (error) {
        if (error.code === 'NO_CHANGES') {
          console.error(error.message);
          return 1;
        }
        throw error;
      } finally {
        await db.stop();
      }
    }
    case 'check': {
      const db = await openDatabase({ persistent: false });
      try {
        const { sql, hasChanges } = await diffSchemaAgainstMigrations(db.url);
        if (!hasChanges) {
          console.log('prisma/schema/ and prisma/migrations agree.');
          return 0;
        }
        console.error('prisma/schema/ and prisma/migrations disagree. The missing migration would be:\n');
        console.log(sql.trimEnd());
        console.error('\nCreate it with: npm run db:migration:new <name>');
        return 1;
      } finally {
        await db.stop();
      }
    }
    case 'seed': {
      const db = await openDatabase({ persistent: true });
      try {
        const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: '1' };
        // Demo passwords only ever work in the embedded demo database.
        if (db.embedded) env.PEERROLES_DEMO = '1';
        return await runSeed(env);
      } finally {
        await db.stop();
      }
    }
    case 'resolve': {
      const [flag, migrationName] = rest;
      if ((flag !== '--rolled-back' && flag !== '--applied') || !migrationName) {
        console.error('Usage: node scripts/db.mjs resolve --rolled-back <migration> | --applied <migration>');
        return 2;
      }
      const db = await openDatabase({ persistent: true });
      try {
        await resolveMigration(db.url, migrationName, flag.slice(2));
        console.log(`Recorded ${migrationName} as ${flag.slice(2)}.`);
        return 0;
      } finally {
        await db.stop();
      }
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  loadProjectEnv();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error?.message ?? error);
      process.exit(1);
    },
  );
}

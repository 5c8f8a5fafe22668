#!/usr/bin/env node
// `npm run test:e2e`: the browser tests against a production build on a fresh,
// seeded database. Uses a throwaway embedded PostgreSQL unless E2E_DATABASE_URL
// names a database to use (it is migrated and seeded; use a scratch one).
// Extra arguments go to Playwright, e.g. `npm run test:e2e -- --grep admin`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runSeed } from './db.mjs';
import { handleShutdownSignals, startEmbeddedPostgres } from './embedded-postgres.mjs';
import { ROOT_DIR, applyMigrations } from './schema-engine.mjs';

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT_DIR, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let worker = null;

function stopWorker() {
  const current = worker;
  if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    current.once('exit', () => resolve());
    current.kill('SIGTERM');
  });
}

async function main() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    return 1;
  }
  handleShutdownSignals(stopWorker);

  let databaseUrl = process.env.E2E_DATABASE_URL;
  let database = null;
  if (!databaseUrl) {
    database = await startEmbeddedPostgres({ dataDir: path.join(tmpdir(), `peerroles-e2e-pg-${randomBytes(6).toString('hex')}`), persistent: false, port: Number(process.env.E2E_POSTGRES_PORT ?? 54339) });
    databaseUrl = database.url;
  }
  try {
    await applyMigrations(databaseUrl);
    const port = process.env.E2E_PORT ?? '3300';
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PEERROLES_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      E2E_PORT: port,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
      // Supervision notes are encrypted under this (lib/supervision/crypto.ts): a fresh key for each run's fresh database.
      NOTES_ENCRYPTION_KEYS: process.env.NOTES_ENCRYPTION_KEYS ?? `e2e:${randomBytes(32).toString('base64')}`,
      CHROMIUM_PATH: chromium,
    };
    const seedCode = await runSeed(env);
    if (seedCode !== 0) throw new Error(`Seeding failed (exit code ${seedCode})`);

    if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(path.join(ROOT_DIR, '.next', 'BUILD_ID'))) {
      const buildCode = await run('npm', ['run', 'build'], env);
      if (buildCode !== 0) throw new Error(`npm run build failed (exit code ${buildCode})`);
    }
    // The background worker beside the servers, as `npm start` runs it: with no SMTP_URL, emails land in the demo outbox.
    delete env.SMTP_URL;
    worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(ROOT_DIR, 'scripts', 'worker.ts')], { cwd: ROOT_DIR, env: { ...env, OUTBOX_POLL_MS: '500' }, stdio: 'inherit' });
    // A worker that stops by itself (it could not load, say) fails the run: `npm start` would be without emails and jobs.
    let workerStopped = null;
    worker.once('exit', (code, signal) => {
      workerStopped = signal ?? code;
    });
    const code = await run(process.execPath, [path.join(ROOT_DIR, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)], env);
    if (workerStopped !== null) {
      console.error(`The background worker stopped during the browser tests (${workerStopped}): see its output above.`);
      return code || 1;
    }
    return code;
  } finally {
    await stopWorker();
    await database?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.message ?? error);
    process.exit(1);
  },
);

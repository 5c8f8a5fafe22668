#!/usr/bin/env node
// `npm start` / `npm run dev`: everything needed to run PeerRoles from a fresh checkout.
//
// 1. Database: DATABASE_URL if set (from the environment or .env), otherwise the
//    embedded PostgreSQL with its data in .data/postgres (kept between runs; as
//    root, in /var/lib/peerroles/<folder>-<hash>/postgres when the postgres user
//    cannot reach .data/, see scripts/embedded-postgres-root.mjs).
// 2. Apply migrations; seed when the database has no users yet.
// 3. Secrets: NEXTAUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY from the
//    environment, or generated once and kept in .data/ (mode 0600).
// 4. `npm run build` if there is no build yet (not with --dev).
// 5. `node server.mjs -p $PORT` (Next's handler; `--dev` for next dev), and the
//    background worker beside it (scripts/worker.ts; PEERROLES_WORKER=0 leaves it
//    out). Ctrl-C stops them, then PostgreSQL.
//
// With the embedded database, PEERROLES_DEMO=1 is set for the seed and the app:
// the demo sign-ins (scripts/demo-accounts.mjs) only work there. The app then
// listens on 127.0.0.1 only (set HOST=0.0.0.0 to expose it).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import pg from 'pg';

import { DEMO_ACCOUNTS } from './demo-accounts.mjs';
import { PERSISTENT_DATA_DIR, loadProjectEnv, runSeed } from './db.mjs';
import { handleShutdownSignals } from './embedded-postgres.mjs';
import { ROOT_DIR, applyMigrations, ensureDatabase } from './schema-engine.mjs';

const DATA_DIR = path.join(ROOT_DIR, '.data');

const dev = process.argv.includes('--dev');
loadProjectEnv({ dev });

const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}

let child = null;
let worker = null;
let shuttingDown = false;

function stopChild(signal = 'SIGTERM', current = child) {
  if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
    current.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    current.kill(signal);
  });
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { cwd: ROOT_DIR, env, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A secret from the environment, or one generated once and kept in .data/<file> (0600). */
function persistentSecret(name, file, generate, { warnIfGenerated }) {
  if (process.env[name]) return process.env[name];
  const filePath = path.join(DATA_DIR, file);
  let value = existsSync(filePath) ? readFileSync(filePath, 'utf8').trim() : '';
  if (!value) {
    mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
    value = generate();
    writeFileSync(filePath, `${value}\n`, { mode: 0o600 });
  }
  chmodSync(filePath, 0o600);
  if (warnIfGenerated) {
    console.warn(`Warning: ${name} is not set; using the one kept in ${path.relative(ROOT_DIR, filePath)}. Set ${name} in production.`);
  }
  return value;
}

async function databaseHasUsers(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM "User") AS "hasUsers"');
    return rows[0].hasUsers;
  } finally {
    await client.end();
  }
}

function waitForPort(host, portNumber, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (shuttingDown || !child || child.exitCode !== null) return resolve(false);
      const socket = net.connect({ host, port: portNumber });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 300);
      });
    };
    attempt();
  });
}

/** True when something already accepts connections on the port (another server). */
function portAnswers(host, portNumber) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: portNumber });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The background worker (scripts/worker.ts) as a child process beside the app
 * (decision 0017), restarted if it stops. PEERROLES_WORKER=0 leaves it out, for
 * app instances whose workers run elsewhere (`npm run worker`).
 */
function startWorker(env, restarts = 0) {
  // `--import tsx` resolves from the working directory, the checkout.
  worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(ROOT_DIR, 'scripts', 'worker.ts')], { cwd: ROOT_DIR, env, stdio: 'inherit' });
  const started = Date.now();
  worker.once('exit', (code, signal) => {
    if (shuttingDown) return;
    // A worker that ran for a while starts again at once; one that keeps failing waits longer each time, up to a minute.
    const next = Date.now() - started > 60_000 ? 0 : restarts + 1;
    const delay = Math.min(60_000, 1000 * 2 ** next);
    console.error(`The background worker stopped (${signal ?? `code ${code}`}); starting it again in ${Math.round(delay / 1000)} s.`);
    setTimeout(() => shuttingDown || startWorker(env, next), delay).unref();
  });
}

async function main() {
  const embedded = !process.env.DATABASE_URL;
  if (await portAnswers('127.0.0.1', port)) {
    console.error(`Port ${port} is already in use (another server?). Stop it, or choose another port: PORT=3001 npm ${dev ? 'run dev' : 'start'}`);
    return 1;
  }
  handleShutdownSignals(async (signal) => {
    shuttingDown = true;
    await Promise.all([stopChild(signal), stopChild(signal, worker)]);
  });

  let databaseUrl = process.env.DATABASE_URL;
  let database = null;
  if (embedded) {
    const { resolveEmbeddedDataDir, startEmbeddedPostgres } = await import('./embedded-postgres.mjs');
    const dataDir = resolveEmbeddedDataDir(PERSISTENT_DATA_DIR, { persistent: true });
    const shown = dataDir.startsWith(ROOT_DIR + path.sep) ? path.relative(ROOT_DIR, dataDir) : dataDir;
    console.log(`Starting the embedded PostgreSQL (data in ${shown})...`);
    database = await startEmbeddedPostgres({ dataDir, persistent: true });
    databaseUrl = database.url;
  } else {
    await ensureDatabase(databaseUrl).catch(() => {
      // No access to the server's `postgres` database: the database must already exist.
    });
  }

  try {
    const { appliedMigrationNames } = await applyMigrations(databaseUrl);
    for (const name of appliedMigrationNames) console.log(`Applied migration ${name}`);

    const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
    if (embedded) env.PEERROLES_DEMO = '1';
    else if (env.PEERROLES_DEMO === '1') {
      console.warn('Warning: PEERROLES_DEMO=1 is set with DATABASE_URL: the demo passwords will work on this database.');
    }
    env.NEXTAUTH_URL ||= `http://localhost:${port}`;
    env.NEXTAUTH_SECRET = persistentSecret('NEXTAUTH_SECRET', 'secret', () => randomBytes(32).toString('base64url'), {
      warnIfGenerated: !embedded,
    });
    env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = persistentSecret(
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
      'server-actions-key',
      () => randomBytes(32).toString('base64'),
      { warnIfGenerated: !embedded },
    );

    // Supervision notes are encrypted under the first of these keys (lib/supervision/crypto.ts; README: rotating it).
    env.NOTES_ENCRYPTION_KEYS = persistentSecret('NOTES_ENCRYPTION_KEYS', 'notes-keys', () => `k1:${randomBytes(32).toString('base64')}`, { warnIfGenerated: !embedded });

    if (process.env.PEERROLES_SKIP_SEED !== '1' && !(await databaseHasUsers(databaseUrl))) {
      if (existsSync(path.join(ROOT_DIR, 'prisma', 'seed.ts'))) {
        console.log('First run: seeding the database...');
        const seedCode = await runSeed(env, (c) => (child = c));
        child = null;
        if (shuttingDown) return new Promise(() => {});
        if (seedCode !== 0) throw new Error(`Seeding failed (exit code ${seedCode})`);
      } else {
        console.warn('prisma/seed.ts not found: starting with an empty database.');
      }
    }

    if (!dev && !existsSync(path.join(ROOT_DIR, '.next', 'BUILD_ID'))) {
      console.log('No production build yet: running npm run build...');
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const buildCode = await run(npm, ['run', 'build'], env);
      child = null;
      if (shuttingDown) return new Promise(() => {});
      if (buildCode !== 0) throw new Error(`npm run build failed (exit code ${buildCode})`);
    }

    const host = process.env.HOST || (embedded ? '127.0.0.1' : undefined);
    // server.mjs: Next's handler behind a server that records each request's TCP peer (decision 0009).
    const nextArgs = [path.join(ROOT_DIR, 'server.mjs'), ...(dev ? ['--dev'] : []), '-p', String(port)];
    if (host) nextArgs.push('-H', host);
    child = spawn(process.execPath, nextArgs, { cwd: ROOT_DIR, env, stdio: 'inherit' });
    if (process.env.PEERROLES_WORKER !== '0') startWorker(env);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

    waitForPort(host && host !== '0.0.0.0' && host !== '::' ? host : '127.0.0.1', port, 120_000).then((ready) => {
      if (!ready) return;
      console.log(`\nPeerRoles is running at ${env.NEXTAUTH_URL}`);
      if (env.PEERROLES_DEMO === '1') {
        console.log(`Demo sign-ins${embedded ? ' (embedded demo database only)' : ''}:`);
        const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
        for (const account of DEMO_ACCOUNTS) {
          console.log(`  ${account.email.padEnd(width)}  ${account.password}  (${account.label})`);
        }
      }
      console.log('Press Ctrl-C to stop.\n');
    });

    const code = await exited;
    if (shuttingDown) return new Promise(() => {}); // the signal handler finishes and exits
    console.error(`Next.js exited (code ${code}).`);
    return code;
  } finally {
    if (!shuttingDown) await database?.stop();
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  async (error) => {
    console.error(error?.message ?? error);
    process.exit(1);
  },
);

// What the benchmarks share: the production app started on a database, and
// people signed in to it as next-auth's own form signs them in.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

import { runSeed } from '../scripts/db.mjs';
import { DEMO_PASSWORD } from '../scripts/demo-accounts.mjs';
import { applyMigrations } from '../scripts/schema-engine.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SIGN_INS = {
  admin: 'admin@peerroles.test',
  hr: 'hr@peerroles.test',
  manager: 'manager.cmht@peerroles.test',
  staff: 'staff.cmht@peerroles.test',
  peer: 'peer.cmht@peerroles.test',
  rep: 'rep@peerroles.test',
};


export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

export function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function createDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}


/** The production app on `port`; `onStderr` receives its log lines (otherwise they go to this process's stderr). */
export async function startApp({ databaseUrl, port, env, onStderr = null, nodeArgs = [] }) {
  const appEnv = { ...env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: `http://127.0.0.1:${port}`, PORT: String(port) };
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'server.mjs'), '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env: appEnv, stdio: ['ignore', 'ignore', onStderr ? 'pipe' : 'inherit'] });
  if (onStderr) createInterface({ input: child.stderr }).on('line', onStderr);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/sign-in`);
      if (response.ok) return { child, base: `http://127.0.0.1:${port}` };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('The app did not start within 60 seconds');
}

/** Cookies from a response, merged into a jar. */
export function keepCookies(jar, response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return jar;
}

export const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** Signs in as next-auth's own form would: the CSRF token, then the credentials post. Returns the Cookie header. */
export async function signIn(base, email) {
  const jar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin: base },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}/` }),
  });
  keepCookies(jar, response);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token'))) throw new Error(`Could not sign in as ${email} (${response.status} ${response.headers.get('location')})`);
  return cookieHeader(jar);
}

export async function signInEveryone(base) {
  const cookies = { null: '' };
  for (const [who, email] of Object.entries(SIGN_INS)) cookies[who] = await signIn(base, email);
  return cookies;
}


/**
 * The key the benchmark's supervision notes are encrypted under
 * (NOTES_ENCRYPTION_KEYS, lib/supervision/crypto.ts). The bench databases are
 * kept between runs (.data/bench-postgres, .data/fault-postgres or
 * BENCH_DATABASE_URL), so their key is too: generated once into
 * .data/bench-notes-keys (0600) and read back by every later run, whatever
 * NOTES_ENCRYPTION_KEYS the shell has. Delete it only with the databases.
 */
export const BENCH_NOTES_KEYS_FILE = path.join(ROOT, '.data', 'bench-notes-keys');

export function benchNotesKeys() {
  let value = existsSync(BENCH_NOTES_KEYS_FILE) ? readFileSync(BENCH_NOTES_KEYS_FILE, 'utf8').trim() : '';
  if (!value) {
    mkdirSync(path.dirname(BENCH_NOTES_KEYS_FILE), { recursive: true, mode: 0o755 });
    value = `bench:${randomBytes(32).toString('base64')}`;
    writeFileSync(BENCH_NOTES_KEYS_FILE, `${value}\n`, { mode: 0o600 });
  }
  chmodSync(BENCH_NOTES_KEYS_FILE, 0o600);
  return value;
}

/** The production app's environment for a benchmark run: fresh secrets, the bench's notes key, the demo accounts, long idle sessions. */
export function benchEnvironment() {
  return {
    ...process.env,
    // The seed's demo notes and the fill's trust notes are encrypted under it, and the app decrypts with it.
    NOTES_ENCRYPTION_KEYS: benchNotesKeys(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PEERROLES_DEMO: '1',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    // Signing in six people, over and over between runs, must not trip the lockout.
    SESSION_IDLE_MINUTES: '480',
  };
}

/** Builds the production app once: later runs reuse .next. */
export async function ensureBuild(env) {
  if (existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  console.log('No production build yet: running npm run build...');
  if ((await run('npm', ['run', 'build'], env)) !== 0) throw new Error('npm run build failed');
}

/** Migrates the database and seeds the demo data once (a later run finds the demo administrator and leaves it). */
export async function migrateAndSeed(databaseUrl, env) {
  await applyMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email = 'admin@peerroles.test'`);
  await client.end();
  if (rows[0].n > 0) return;
  const code = await runSeed({ ...env, DATABASE_URL: databaseUrl, PEERROLES_DEMO: '1' });
  if (code !== 0) throw new Error(`Seeding the benchmark database failed (exit code ${code})`);
}

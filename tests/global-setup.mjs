// Jest globalSetup: a PostgreSQL server with a migrated template database.
//
// - TEST_DATABASE_URL or DATABASE_URL set: that server is used (only its server:
//   the named database is never touched). Otherwise a throwaway embedded
//   PostgreSQL is started, with its data in a temporary folder (as root, one the
//   postgres user can reach: scripts/embedded-postgres-root.mjs), on the first
//   free port from 54339 on (so it can run beside another embedded run).
// - `peerroles_test_template` gets every migration in prisma/migrations. On a
//   shared server it is rebuilt only when the migrations changed (its comment
//   records their hash), under an advisory lock, so concurrent runs do not drop
//   it under each other.
// - PEERROLES_TEST_SERVER_URL (the server's `postgres` database) is set for the
//   workers, which clone the template per test file (tests/support/).
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { MIGRATIONS_DIR, applyMigrations } from '../scripts/schema-engine.mjs';
import { SERVER_URL_VARIABLE, TEMPLATE_DATABASE, serverUrlFor, withDatabase } from './db-url.mjs';

const EMBEDDED_HANDLE = Symbol.for('peerroles.test.embeddedPostgres');
const TEMPLATE_LOCK_KEY = 7_301_946_001; // any constant bigint: serialises template builds on a shared server
const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

function migrationsHash() {
  const hash = createHash('sha256');
  const schemaEngine = fileURLToPath(new URL('../scripts/schema-engine.mjs', import.meta.url));
  hash.update(readFileSync(schemaEngine));
  if (existsSync(MIGRATIONS_DIR)) {
    for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = entry.isDirectory() ? path.join(MIGRATIONS_DIR, entry.name, 'migration.sql') : path.join(MIGRATIONS_DIR, entry.name);
      hash.update(`\0${entry.name}\0`);
      if (existsSync(file)) hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 32);
}

async function prepareTemplate(serverUrl) {
  const marker = `peerroles migrations ${migrationsHash()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [TEMPLATE_DATABASE],
    );
    if (rows.length > 0 && rows[0].comment === marker) return;
    if (rows.length > 0) await client.query(`DROP DATABASE ${quoteIdent(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(TEMPLATE_DATABASE)}`);
    await applyMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
    // Only a fully migrated template gets the marker; anything else is rebuilt next time.
    await client.query(`COMMENT ON DATABASE ${quoteIdent(TEMPLATE_DATABASE)} IS '${marker}'`);
  } finally {
    await client.end(); // also releases the advisory lock
  }
}

export default async function globalSetup() {
  // Supervision notes are encrypted under this key in every test run (lib/supervision/crypto.ts): a fresh one each time.
  process.env.NOTES_ENCRYPTION_KEYS ||= `test:${randomBytes(32).toString('base64')}`;
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let serverUrl;
  let handle = null;
  if (given) {
    serverUrl = serverUrlFor(given);
  } else {
    const { startEmbeddedPostgres } = await import('../scripts/embedded-postgres.mjs');
    handle = await startEmbeddedPostgres({
      dataDir: path.join(tmpdir(), `peerroles-test-pg-${randomBytes(6).toString('hex')}`),
      persistent: false,
      port: 54339,
    });
    globalThis[EMBEDDED_HANDLE] = handle;
    serverUrl = handle.serverUrl;
  }
  try {
    await prepareTemplate(serverUrl);
  } catch (error) {
    await handle?.stop();
    delete globalThis[EMBEDDED_HANDLE];
    throw error;
  }
  process.env[SERVER_URL_VARIABLE] = serverUrl;
}

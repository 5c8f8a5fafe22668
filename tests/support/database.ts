// Fresh, migrated PostgreSQL databases for tests, cloned from the template that
// tests/global-setup.mjs builds. Uses `pg` directly: Jest runs this as CommonJS
// (through SWC), where the ESM scripts in scripts/ cannot be loaded.
// Names match tests/db-url.mjs and tests/support/database-environment.js.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'peerroles_test_template';
export const TEST_DATABASE_PREFIX = 'peerroles_test_';

function serverUrl(): string {
  const url = process.env.PEERROLES_TEST_SERVER_URL;
  if (!url) {
    throw new Error('PEERROLES_TEST_SERVER_URL is not set: run the tests through Jest (tests/global-setup.mjs sets it).');
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isTemplateBusy(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '55006' || /being accessed by other users/.test(String(message));
}

/**
 * Creates `peerroles_test_<random>` from the migrated template and returns its
 * URL. Cloning fails while another session is connected to the template (for
 * example another worker cloning it at that moment), so that error is retried.
 */
export async function createTestDatabase(): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(8).toString('hex')}`;
  await onServer(async (client) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || !isTemplateBusy(error)) throw error;
        await sleep(100 + Math.random() * 200);
      }
    }
  });
  return withDatabase(serverUrl(), name);
}

/** Drops a database made by createTestDatabase, closing any connections still open to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  if (!name.startsWith(TEST_DATABASE_PREFIX) || name === TEMPLATE_DATABASE) {
    throw new Error(`Refusing to drop "${name}": not a test database`);
  }
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`));
}

// Names and URL helpers shared by tests/global-setup.mjs and
// tests/global-teardown.mjs. tests/support/database.ts and
// tests/support/database-environment.js (CommonJS) repeat the same names.

/** The migrated database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'peerroles_test_template';

/** Prefix of the per-test-file databases cloned from the template. */
export const TEST_DATABASE_PREFIX = 'peerroles_test_';

/** Where PEERROLES_TEST_SERVER_URL is kept for the workers. */
export const SERVER_URL_VARIABLE = 'PEERROLES_TEST_SERVER_URL';

/** The same URL pointing at another database on the same server. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The URL to connect to for CREATE/DROP DATABASE on the server of `url`: its
 * `postgres` database (never the template, which must have no sessions while
 * it is cloned).
 */
export function serverUrlFor(url) {
  return withDatabase(url, 'postgres');
}

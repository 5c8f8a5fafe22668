// Jest globalTeardown: stops the embedded PostgreSQL that tests/global-setup.mjs
// started (its temporary data folder is deleted). On a server given through
// TEST_DATABASE_URL/DATABASE_URL the template stays for the next run; each test
// file's database is dropped by its test environment.
const EMBEDDED_HANDLE = Symbol.for('peerroles.test.embeddedPostgres');

export default async function globalTeardown() {
  const handle = globalThis[EMBEDDED_HANDLE];
  if (!handle) return;
  delete globalThis[EMBEDDED_HANDLE];
  await handle.stop();
}

// A Jest test environment that gives each integration test file its own
// PostgreSQL database, cloned from the migrated template that
// tests/global-setup.mjs prepares, so test files run in parallel without
// seeing each other's rows. DATABASE_URL points at the clone before any test
// module loads (lib/db.ts reads it on first use); the clone is dropped after.
//
// Plain JavaScript with `pg` because Jest loads environments outside its
// module transform. Names match tests/support/database.ts.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file loaded by Jest directly */
const { randomBytes } = require('node:crypto');
const { TestEnvironment } = require('jest-environment-node');
const { Client } = require('pg');

const TEMPLATE_DATABASE = 'peerroles_test_template';

function serverUrl() {
  const url = process.env.PEERROLES_TEST_SERVER_URL;
  if (!url) throw new Error('PEERROLES_TEST_SERVER_URL is not set: run the tests with `npm test` (tests/global-setup.mjs sets it).');
  return url;
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(work) {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function createDatabase() {
  const name = `peerroles_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(async (client) => {
    // Cloning fails while another session is connected to the template; that is
    // brief (another worker cloning it), so retry for a while.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/u.test(String(error?.message))) throw error;
        await sleep(100 + Math.random() * 200);
      }
    }
  });
  return name;
}

async function dropDatabase(name) {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

class DatabaseEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.databaseName = await createDatabase();
    this.global.process.env.DATABASE_URL = withDatabase(serverUrl(), this.databaseName);
  }

  async teardown() {
    try {
      if (this.databaseName) await dropDatabase(this.databaseName);
    } finally {
      await super.teardown();
    }
  }
}

module.exports = DatabaseEnvironment;

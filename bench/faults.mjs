#!/usr/bin/env node
// `npm run bench:faults`: the production app when things go wrong under load.
// See the README ("Performance") for what it checks and the latest figures.
//
//   npm run bench:faults                          all three checks
//   npm run bench:faults -- --only restart,pool   some of them (restart, pool, races)
//
// 1. restart: PostgreSQL is restarted while 20 connections read pages and create
//    numbered role descriptions through the form (as a browser without JavaScript
//    posts it). Requests may fail for under 5 seconds; the app recovers without a
//    restart of its own; every creation the app acknowledged is in the database.
// 2. pool: a transaction holds a lock every signed-in page needs, so the pool's
//    connections all wait on it; 40 clients keep asking for the home page. Every
//    answer is the 503 page within the bounded wait (never a hang), /healthz stays
//    up, /readyz says not ready, and pages recover as soon as the lock goes.
// 3. races: tests/integration/races.test.ts with 100 requests at once (100 last
//    sign-offs and new concerns on one version, 100 edits of one draft).
//
// The data lives in an embedded PostgreSQL under .data/fault-postgres (the demo
// data only), which this run stops and starts; it writes bench/results/faults.*.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

import { handleShutdownSignals, startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import { benchEnvironment, ensureBuild, freePort, migrateAndSeed, option, ROOT, SIGN_INS, signIn, startApp } from './app.mjs';

const RESULTS = path.join(ROOT, 'bench', 'results');
const DATA_DIR = path.join(ROOT, '.data', 'fault-postgres');
const DATABASE = 'peerroles_faults';
const PREFERRED_PORT = 54359;

/** What the run holds the app to (issue 8). */
export const FAULT_TARGETS = {
  restartFailureSeconds: 5,
  // The app's own limits (lib/db.ts): 5 s waiting for a connection, 15 s for a statement; 3 s for a loaded machine.
  poolAnswerSeconds: 15 + 3,
  poolRecoverySeconds: 5,
  concurrentRequests: 100,
};

const CONNECTIONS = 20;
const POOL_CLIENTS = 40;
const POOL_HOLD_SECONDS = 20;
const HANG_SECONDS = 60;

const log = (...parts) => console.log(...parts);
const seconds = (ms) => Math.round(ms / 100) / 10;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function one(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** How many answers had each status. */
function countByStatus(records) {
  const counts = {};
  for (const record of records) counts[record.status] = (counts[record.status] ?? 0) + 1;
  return counts;
}

async function postmasterStart(url) {
  const [{ started }] = await one(url, 'SELECT pg_postmaster_start_time() AS started');
  return started;
}

/** One request, timed; a request that has not answered after HANG_SECONDS counts as hung. */
async function timed(url, init = {}) {
  const start = Date.now();
  try {
    const response = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(HANG_SECONDS * 1000) });
    const body = await response.text();
    return { start, end: Date.now(), status: response.status, body };
  } catch (error) {
    return { start, end: Date.now(), status: error?.name === 'TimeoutError' ? 'hung' : 'network error', body: '' };
  }
}

/** The create-a-role form's fields as the page renders them (Next's hidden action fields, the team), ready to post without JavaScript. */
async function roleForm(base, cookie, teamId) {
  const page = `${base}/teams/${teamId}/roles/new`;
  const html = await (await fetch(page, { headers: { cookie } })).text();
  const form = html.split('<form').find((candidate) => candidate.includes('$ACTION_KEY'));
  if (!form) throw new Error(`No create-role form on ${page}`);
  const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/gu)].map(([, name, value = '']) => [name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&')]);
  return {
    page,
    post(title) {
      const data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
      data.append('title', title);
      return timed(page, { method: 'POST', body: data, headers: { cookie, origin: base } });
    },
  };
}

/** PostgreSQL restarted while 20 connections read and write. */
async function restartUnderLoad({ base, cookie, teamId, app, database, restart }) {
  log('\nRestart: PostgreSQL restarted under 20 connections (10 reading pages, 10 creating numbered roles)...');
  const run = Date.now().toString(36);
  const form = await roleForm(base, cookie, teamId);
  const records = [];
  const acknowledged = [];
  let next = 0;
  let stopAt = Infinity;
  const reader = async () => {
    while (Date.now() < stopAt) {
      const result = await timed(`${base}/teams/${teamId}`, { headers: { cookie } });
      records.push({ kind: 'read', ...result, ok: result.status === 200, body: undefined });
    }
  };
  const writer = async () => {
    while (Date.now() < stopAt) {
      const number = (next += 1);
      const result = await form.post(`Fault ${run} #${number}`);
      const ok = result.status === 200 && result.body.includes('Role description started');
      if (ok) acknowledged.push(number);
      // A form answered with its error summary ("the service is busy... not saved") is a failure too.
      const status = result.status === 200 && !ok ? '200, not saved' : result.status;
      records.push({ kind: 'write', number, ...result, status, ok, body: undefined });
    }
  };
  const clients = [...Array.from({ length: CONNECTIONS / 2 }, reader), ...Array.from({ length: CONNECTIONS / 2 }, writer)];

  await delay(3_000);
  const startedBefore = await postmasterStart(database());
  const restartStart = Date.now();
  await restart();
  const restartEnd = Date.now();
  const startedAfter = await postmasterStart(database());
  if (startedAfter <= startedBefore) throw new Error('PostgreSQL did not restart');
  log(`  PostgreSQL stopped and started again in ${seconds(restartEnd - restartStart)} s (its start time went from ${startedBefore.toISOString()} to ${startedAfter.toISOString()})`);
  await delay(8_000);
  stopAt = Date.now();
  await Promise.all(clients);

  const failures = records.filter((record) => !record.ok);
  const lastFailure = failures.reduce((latest, record) => Math.max(latest, record.end), restartStart);
  const failureSeconds = failures.length ? seconds(lastFailure - restartStart) : 0;
  const titles = new Set((await one(database(), `SELECT title FROM "Role" WHERE title LIKE $1`, [`Fault ${run} #%`])).map((row) => row.title));
  const missing = acknowledged.filter((number) => !titles.has(`Fault ${run} #${number}`));
  const storedNotAcknowledged = titles.size - (acknowledged.length - missing.length);
  const afterRecovery = records.filter((record) => record.start > lastFailure);
  const result = {
    requests: records.length,
    reads: records.filter((record) => record.kind === 'read').length,
    writesAttempted: records.filter((record) => record.kind === 'write').length,
    writesAcknowledged: acknowledged.length,
    acknowledgedMissing: missing.length,
    storedNotAcknowledged,
    failed: failures.length,
    failedStatuses: countByStatus(failures),
    restartSeconds: seconds(restartEnd - restartStart),
    failureSeconds,
    requestsAfterRecovery: afterRecovery.length,
    failedAfterRecovery: afterRecovery.filter((record) => !record.ok).length,
    appStillRunning: app.exitCode === null && app.signalCode === null,
  };
  result.passed = result.failureSeconds < FAULT_TARGETS.restartFailureSeconds && result.acknowledgedMissing === 0 && result.appStillRunning && result.failedAfterRecovery === 0 && result.writesAcknowledged > 0;
  log(
    `  ${result.requests} requests; ${result.failed} failed (${JSON.stringify(result.failedStatuses)}), the last ${result.failureSeconds} s after the restart began; ` +
      `${result.writesAcknowledged} creations acknowledged, ${result.acknowledgedMissing} of them missing, ${result.storedNotAcknowledged} stored without an answer; ` +
      `app ${result.appStillRunning ? 'still the same process' : 'RESTARTED'}: ${result.passed ? 'passed' : 'FAILED'}`,
  );
  return result;
}

/** Every pool connection held by a query that cannot finish. */
async function exhaustPool({ base, cookie, databaseUrl }) {
  log(`\nPool: every connection waiting on a held lock, ${POOL_CLIENTS} clients asking for the home page for ${POOL_HOLD_SECONDS} s...`);
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  // Every signed-in page first checks its session: with this lock held, that query waits, holding its connection.
  await holder.query('LOCK TABLE "UserSession" IN ACCESS EXCLUSIVE MODE');
  const heldAt = Date.now();
  const releaseAt = heldAt + POOL_HOLD_SECONDS * 1000;
  const records = [];
  const client = async () => {
    while (Date.now() < releaseAt) records.push(await timed(`${base}/`, { headers: { cookie } }));
  };
  const clients = Array.from({ length: POOL_CLIENTS }, client);
  await delay(2_000);
  const healthz = await timed(`${base}/healthz`);
  const readyz = await timed(`${base}/readyz`);
  await delay(Math.max(0, releaseAt - Date.now()));
  await holder.query('ROLLBACK');
  await holder.end();
  const released = Date.now();
  // The clients finish the requests they have in flight (answered once the lock is gone).
  await Promise.all(clients);
  let recovered = null;
  while (Date.now() - released < 30_000) {
    const probe = await timed(`${base}/`, { headers: { cookie } });
    if (probe.status === 200) {
      recovered = probe.end - released;
      break;
    }
  }

  const whileHeld = records.filter((record) => record.end <= released);
  const durations = whileHeld.map((record) => record.end - record.start).sort((a, b) => a - b);
  const statuses = countByStatus(whileHeld);
  const result = {
    answersWhileHeld: whileHeld.length,
    statuses,
    servicePage: whileHeld.filter((record) => record.status === 503).every((record) => record.body.includes('Sorry, the service is unavailable')),
    hung: records.filter((record) => record.status === 'hung').length,
    fastestSeconds: durations.length ? seconds(durations[0]) : null,
    slowestSeconds: durations.length ? seconds(durations.at(-1)) : null,
    healthz: { status: healthz.status, seconds: seconds(healthz.end - healthz.start) },
    readyz: { status: readyz.status, seconds: seconds(readyz.end - readyz.start) },
    recoverySeconds: recovered === null ? null : seconds(recovered),
  };
  result.passed =
    result.answersWhileHeld > 0 &&
    Object.keys(statuses).every((status) => status === '503') &&
    result.servicePage &&
    result.hung === 0 &&
    result.slowestSeconds <= FAULT_TARGETS.poolAnswerSeconds &&
    result.healthz.status === 200 &&
    result.readyz.status === 503 &&
    result.recoverySeconds !== null &&
    result.recoverySeconds <= FAULT_TARGETS.poolRecoverySeconds;
  log(
    `  ${result.answersWhileHeld} answers while held (${JSON.stringify(statuses)}), ${result.fastestSeconds}–${result.slowestSeconds} s each, ${result.hung} hung; ` +
      `/healthz ${result.healthz.status}, /readyz ${result.readyz.status}; pages back ${result.recoverySeconds} s after the lock went: ${result.passed ? 'passed' : 'FAILED'}`,
  );
  return result;
}

/**
 * What the app wrote to stderr during the run: each line one JSON object (an
 * error or a warning with its request id), and none carrying what people typed
 * or who they are.
 */
function checkLog(lines, personal) {
  const entries = lines.filter((line) => line.trim() !== '');
  const notJson = entries.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  const byEvent = {};
  for (const line of entries) {
    if (notJson.includes(line)) continue;
    const { event = 'other' } = JSON.parse(line);
    byEvent[event] = (byEvent[event] ?? 0) + 1;
  }
  const withPersonalData = entries.filter((line) => personal.some((pattern) => pattern.test(line))).length;
  return { lines: entries.length, byEvent, notJson: notJson.length, examplesNotJson: notJson.slice(0, 3), withPersonalData, passed: notJson.length === 0 && withPersonalData === 0 };
}

/** The race tests with 100 requests at once, on this run's PostgreSQL. */
async function racesAtScale({ serverUrl }) {
  log(`\nRaces: tests/integration/races.test.ts with ${FAULT_TARGETS.concurrentRequests} requests at once...`);
  const output = path.join(os.tmpdir(), `peerroles-races-${process.pid}.json`);
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'integration', '--json', '--outputFile', output, 'tests/integration/races.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', TEST_DATABASE_URL: serverUrl, CONCURRENT_REQUESTS: String(FAULT_TARGETS.concurrentRequests) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const report = JSON.parse(await readFile(output, 'utf8'));
  await rm(output, { force: true });
  const tests = report.testResults.flatMap((file) => file.assertionResults.map((test) => ({ name: test.fullName, status: test.status, seconds: seconds(test.duration ?? 0) })));
  const result = { concurrentRequests: FAULT_TARGETS.concurrentRequests, tests, passed: code === 0 && tests.length > 0 && tests.every((test) => test.status === 'passed') };
  for (const test of tests) log(`  ${test.status.padEnd(7)} ${test.name} (${test.seconds} s)`);
  return result;
}

function markdown(report) {
  const verdict = (result) => (result ? (result.passed ? 'passed' : '**failed**') : 'not run');
  const lines = [`# Fault run, ${report.startedAt}`, '', `Production build on ${report.machine}; the demo data on an embedded PostgreSQL; the app's pool: 10 connections, 5 s to get one, 15 s per statement.`, ''];
  const { restart, pool, races } = report;
  if (restart) {
    lines.push(
      `## PostgreSQL restarted under ${CONNECTIONS} connections: ${verdict(restart)}`,
      '',
      '| measure | value | target |',
      '| --- | --- | --- |',
      `| PostgreSQL down (stop and start) | ${restart.restartSeconds} s | |`,
      `| requests failing, from the restart to the last failure | ${restart.failureSeconds} s | under ${FAULT_TARGETS.restartFailureSeconds} s |`,
      `| requests / failed | ${restart.requests} / ${restart.failed} ${JSON.stringify(restart.failedStatuses)} | |`,
      `| numbered creations acknowledged / missing afterwards | ${restart.writesAcknowledged} / ${restart.acknowledgedMissing} | none missing |`,
      `| stored but never acknowledged (in flight at the restart) | ${restart.storedNotAcknowledged} | |`,
      `| requests after recovery / failed | ${restart.requestsAfterRecovery} / ${restart.failedAfterRecovery} | none failed |`,
      `| the app process | ${restart.appStillRunning ? 'the same, not restarted' : 'restarted'} | the same |`,
      '',
    );
  }
  if (pool) {
    lines.push(
      `## Every pool connection held (${POOL_CLIENTS} clients, ${POOL_HOLD_SECONDS} s): ${verdict(pool)}`,
      '',
      '| measure | value | target |',
      '| --- | --- | --- |',
      `| answers while held, by status | ${pool.answersWhileHeld}: ${JSON.stringify(pool.statuses)} | all 503 |`,
      `| the 503 answers are the service-unavailable page | ${pool.servicePage ? 'yes' : 'no'} | yes |`,
      `| time to answer | ${pool.fastestSeconds}–${pool.slowestSeconds} s | at most ${FAULT_TARGETS.poolAnswerSeconds} s |`,
      `| hung (no answer in ${HANG_SECONDS} s) | ${pool.hung} | none |`,
      `| /healthz, /readyz meanwhile | ${pool.healthz.status} in ${pool.healthz.seconds} s, ${pool.readyz.status} in ${pool.readyz.seconds} s | 200, 503 |`,
      `| pages back after the lock went | ${pool.recoverySeconds} s | at most ${FAULT_TARGETS.poolRecoverySeconds} s |`,
      '',
    );
  }
  if (races) {
    lines.push(`## Races with ${races.concurrentRequests} requests at once: ${verdict(races)}`, '', '| test | result | time |', '| --- | --- | --- |', ...races.tests.map((test) => `| ${test.name} | ${test.status} | ${test.seconds} s |`), '');
  }
  if (report.log) {
    lines.push(
      `## The app's log during the run: ${verdict(report.log)}`,
      '',
      `${report.log.lines} lines on stderr (${JSON.stringify(report.log.byEvent)}); ${report.log.notJson} not a single JSON object; ${report.log.withPersonalData} containing a role title the run typed or a person's email.`,
      '',
    );
  }
  lines.push(`Finished in ${report.seconds} s.`, '');
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  const only = option('only', 'restart,pool,races').split(',').map((part) => part.trim());
  handleShutdownSignals();
  const env = benchEnvironment();
  await ensureBuild(env);

  let database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PREFERRED_PORT, database: DATABASE });
  if (database.shared) throw new Error(`${DATA_DIR} is in use by another process: stop it first (this run restarts its PostgreSQL).`);
  const port = database.port;
  const databaseUrl = () => database.url;
  let app;
  const appLog = [];
  try {
    await migrateAndSeed(database.url, env);
    const [{ id: teamId }] = await one(database.url, `SELECT id FROM "Team" WHERE name = 'Northbrook Community Mental Health Team'`);
    const running = await startApp({ databaseUrl: database.url, port: await freePort(), env, onStderr: (line) => appLog.push(line) });
    app = running.child;
    const cookie = await signIn(running.base, SIGN_INS.manager);
    const report = { startedAt: new Date(started).toISOString(), machine: `${os.cpus().length} cores, Node ${process.version}`, targets: FAULT_TARGETS };

    if (only.includes('restart')) {
      report.restart = await restartUnderLoad({
        base: running.base,
        cookie,
        teamId,
        app,
        database: databaseUrl,
        restart: async () => {
          await database.stop();
          database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port, database: DATABASE });
          if (database.port !== port) throw new Error(`PostgreSQL came back on port ${database.port}, not ${port}`);
        },
      });
    }
    if (only.includes('pool')) report.pool = await exhaustPool({ base: running.base, cookie, databaseUrl: database.url });
    if (only.includes('races')) report.races = await racesAtScale({ serverUrl: database.serverUrl });

    report.log = checkLog(appLog, [/Fault [0-9a-z]+ #/u, /@peerroles\.test/u]);
    log(`\nThe app's log: ${report.log.lines} lines, ${report.log.notJson} not one JSON object, ${report.log.withPersonalData} with a title or an email: ${report.log.passed ? 'passed' : 'FAILED'}`);
    report.seconds = Math.round((Date.now() - started) / 1000);
    report.passed = ['restart', 'pool', 'races', 'log'].every((name) => !report[name] || report[name].passed);
    await mkdir(RESULTS, { recursive: true });
    const name = only.length === 3 ? 'faults' : 'faults-subset';
    await writeFile(path.join(RESULTS, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(RESULTS, `${name}.md`), markdown(report));
    log(`\n${markdown(report)}`);
    log(`Written to bench/results/${name}.md and .json`);
    return report.passed;
  } finally {
    app?.kill();
    await database.stop();
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);

#!/usr/bin/env node
// `npm run bench:http`: every page of the production build under HTTP load, on a
// trust's data. See the README ("Performance") for what it prints and the targets.
//
//   npm run bench:http                          all pages, 8 s each, 20 connections
//   npm run bench:http -- --pages audit,people  only pages whose route contains one of these
//   npm run bench:http -- --duration 15         seconds of load per page
//   npm run bench:http -- --no-tenth            skip the round-trip check at a tenth of the data
//   npm run bench:http -- --show-queries        print the SQL each page sends (one request's worth)
//
// The data lives in an embedded PostgreSQL under .data/bench-postgres (filled once,
// reused by later runs); BENCH_DATABASE_URL names a server's database instead (a
// scratch one: it is migrated, seeded and filled, and `<name>_tenth` beside it).
// Database round trips are counted at the wire (bench/round-trips.mjs).
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';

import { handleShutdownSignals, startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import { benchEnvironment, createDatabase, ensureBuild, freePort, migrateAndSeed, option, ROOT, signInEveryone, startApp, withDatabase } from './app.mjs';
import { loadFixtures } from './fixtures.mjs';
import { fillTrust, sizesAt } from './fill.mjs';
import { startRoundTripCounter } from './round-trips.mjs';
import { compareWithHandWrittenSql } from './sql-comparison.mjs';

const RESULTS = path.join(ROOT, 'bench', 'results');
const { pages: PAGES, references: REFERENCES } = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'pages.json'), 'utf8'));

/** A page's address with the fixtures' ids in place of its {names}. */
function addressOf(page, fixtures) {
  return page.path.replace(/\{(\w+)\}/gu, (_match, name) => {
    if (!(name in fixtures)) throw new Error(`bench/pages.json: no fixture {${name}} for ${page.route}`);
    return fixtures[name];
  });
}

/** The targets of issue 8, as ratios within one run. */
export const TARGETS = { minimumRatioToSignIn: 0.6, maximumRoundTrips: 5 };

const log = (...parts) => console.log(...parts);

/** A migrated, seeded database filled at `scale`; only the first run pays for it. */
async function prepareDatabase(databaseUrl, scale, env) {
  await migrateAndSeed(databaseUrl, env);
  await fillTrust(databaseUrl, scale, log);
}

/** Waits until no query has reached the database for half a second: requests from the previous page's load may still be finishing. */
async function quiet(counter) {
  let last = counter.count();
  let stillSince = Date.now();
  while (Date.now() - stillSince < 500) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (counter.count() !== last) {
      last = counter.count();
      stillSince = Date.now();
    }
  }
}

/** Database round trips of one request to the page, the median of five after a warm-up. */
async function roundTripsOf(base, url, cookie, counter) {
  const headers = cookie ? { cookie } : {};
  await quiet(counter);
  const first = await fetch(`${base}${url}`, { headers, redirect: 'manual' });
  await first.arrayBuffer();
  const samples = [];
  for (let i = 0; i < 5; i++) {
    counter.reset();
    const response = await fetch(`${base}${url}`, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    // The last query of a request can reach the wire a moment after the response ends.
    await new Promise((resolve) => setTimeout(resolve, 20));
    samples.push(counter.count());
    if (i === 0 && process.argv.includes('--show-queries')) for (const statement of counter.statements()) log(`    ${statement}`);
  }
  samples.sort((a, b) => a - b);
  return { status: first.status, roundTrips: samples[2] };
}

const milliseconds = (value) => (value === null ? null : Math.round(value));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Throughput and latency under load: 20 connections for `duration` seconds, after a 2-second warm-up. */
async function load(base, url, cookie, { connections, duration }) {
  const headers = cookie ? { cookie } : {};
  await autocannon({ url: `${base}${url}`, connections, duration: 2, headers });
  const latencies = [];
  const instance = autocannon({ url: `${base}${url}`, connections, duration, headers });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: milliseconds(percentile(latencies, 50)),
    p95: milliseconds(percentile(latencies, 95)),
    p99: milliseconds(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

const label = (page) => `${page.route}${page.as ? ` (${page.as})` : ''}`;

function markdown(report) {
  const rows = report.pages.map((page) => {
    const flags = [
      page.ratio !== null && page.as !== null && page.ratio < TARGETS.minimumRatioToSignIn ? 'slow' : '',
      page.roundTrips > TARGETS.maximumRoundTrips ? 'round trips' : '',
      page.tenthRoundTrips !== undefined && page.tenthRoundTrips !== page.roundTrips ? 'grows with data' : '',
      page.status !== 200 ? `status ${page.status}` : '',
      page.errors > 0 ? 'errors' : '',
    ].filter(Boolean);
    return `| ${label(page)} | ${page.requestsPerSecond.toFixed(0)} | ${page.p50} | ${page.p95} | ${page.p99} | ${page.errors} | ${page.roundTrips} | ${page.tenthRoundTrips ?? ''} | ${page.ratio === null ? '' : `${Math.round(page.ratio * 100)}%`} | ${flags.join(', ')} |`;
  });
  const sql = report.sql.map((row) => `| ${row.name} | ${row.prismaMs.toFixed(2)} | ${row.sqlMs.toFixed(2)} | ${row.ratio.toFixed(2)}× | ${row.ratio <= 2 ? 'within 2×' : 'over 2×'} |`);
  return [
    `# HTTP benchmark, ${report.startedAt}`,
    '',
    `Production build, ${report.connections} connections for ${report.duration} s a page (after a 2 s warm-up), load generator on the same machine (${report.machine}).`,
    `Data: ${JSON.stringify(report.data)}; the tenth: ${JSON.stringify(report.tenthData)}.`,
    `Ratio: the page's requests per second over \`/sign-in\`'s in this run. Targets: every signed-in page at least ${TARGETS.minimumRatioToSignIn * 100}%, at most ${TARGETS.maximumRoundTrips} database round trips a request, the same round trips at a tenth of the data.`,
    '',
    '| page (signed in as) | req/s | p50 ms | p95 ms | p99 ms | errors | round trips | at a tenth | ratio | misses |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## The heaviest page queries against hand-written SQL returning the same rows',
    '',
    '| query | through the app (ms, median) | hand-written SQL (ms, median) | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...sql,
    '',
    `Finished in ${report.seconds} s.`,
    '',
  ].join('\n');
}

async function main() {
  const started = Date.now();
  const duration = Number(option('duration', process.env.BENCH_DURATION ?? '8'));
  const connections = Number(option('connections', '20'));
  const only = option('pages', null)?.split(',').map((part) => part.trim()).filter(Boolean) ?? null;
  const tenth = !process.argv.includes('--no-tenth');
  handleShutdownSignals();

  const env = benchEnvironment();
  await ensureBuild(env);

  let database = null;
  let fullUrl = process.env.BENCH_DATABASE_URL;
  let serverUrl;
  if (!fullUrl) {
    database = await startEmbeddedPostgres({ dataDir: path.join(ROOT, '.data', 'bench-postgres'), port: 54349, database: 'peerroles_bench' });
    fullUrl = database.url;
    serverUrl = database.serverUrl;
  } else {
    serverUrl = withDatabase(fullUrl, 'postgres');
  }
  const tenthUrl = withDatabase(fullUrl, `${new URL(fullUrl).pathname.slice(1)}_tenth`);
  const apps = [];
  const counters = [];
  try {
    await createDatabase(serverUrl, new URL(fullUrl).pathname.slice(1)).catch(() => {});
    await prepareDatabase(fullUrl, 1, env);
    if (tenth) {
      await createDatabase(serverUrl, new URL(tenthUrl).pathname.slice(1));
      await prepareDatabase(tenthUrl, 0.1, env);
    }
    const fixtures = await loadFixtures(fullUrl);
    const tenthFixtures = tenth ? await loadFixtures(tenthUrl) : null;

    const target = new URL(fullUrl);
    const counter = await startRoundTripCounter({ host: target.hostname, port: Number(target.port || 5432) });
    counters.push(counter);
    const proxied = new URL(fullUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(counter.port);
    const app = await startApp({ databaseUrl: proxied.toString(), port: await freePort(), env });
    apps.push(app.child);
    const cookies = await signInEveryone(app.base);

    const chosen = PAGES.filter((page) => page.route === '/sign-in' || !only || only.some((part) => page.route.includes(part)));
    const results = [];
    for (const page of [...chosen, ...(only ? [] : REFERENCES)]) {
      const url = addressOf(page, fixtures);
      const cookie = cookies[page.as];
      const { status, roundTrips } = await roundTripsOf(app.base, url, cookie, counter);
      const measured = await load(app.base, url, cookie, { connections, duration });
      const result = { route: page.route, as: page.as, url, status, roundTrips, ...measured, reference: REFERENCES.includes(page) };
      results.push(result);
      log(`${label(page).padEnd(90)} ${measured.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${String(measured.p50).padStart(4)} ms  ${roundTrips} round trips  status ${status}${measured.errors ? `  ${measured.errors} errors` : ''}`);
    }
    const floor = results.find((result) => result.route === '/sign-in').requestsPerSecond;
    for (const result of results) result.ratio = result.requestsPerSecond / floor;

    if (tenth) {
      const tenthTarget = new URL(tenthUrl);
      const tenthCounter = await startRoundTripCounter({ host: tenthTarget.hostname, port: Number(tenthTarget.port || 5432) });
      counters.push(tenthCounter);
      const tenthProxied = new URL(tenthUrl);
      tenthProxied.hostname = '127.0.0.1';
      tenthProxied.port = String(tenthCounter.port);
      const tenthApp = await startApp({ databaseUrl: tenthProxied.toString(), port: await freePort(), env });
      apps.push(tenthApp.child);
      const tenthCookies = await signInEveryone(tenthApp.base);
      for (const result of results) {
        const page = [...PAGES, ...REFERENCES].find((candidate) => candidate.route === result.route && candidate.as === result.as);
        result.tenthRoundTrips = (await roundTripsOf(tenthApp.base, addressOf(page, tenthFixtures), tenthCookies[page.as], tenthCounter)).roundTrips;
      }
    }

    const sql = await compareWithHandWrittenSql(fullUrl, fixtures);
    const report = {
      startedAt: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      machine: `${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
      connections,
      duration,
      data: sizesAt(1),
      tenthData: sizesAt(0.1),
      targets: TARGETS,
      pages: results,
      sql,
    };
    await mkdir(RESULTS, { recursive: true });
    const name = only ? 'latest-subset' : 'latest';
    await writeFile(path.join(RESULTS, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(RESULTS, `${name}.md`), markdown(report));
    log(`\n${markdown(report)}`);
    log(`Written to bench/results/${name}.md and .json`);
  } finally {
    for (const child of apps) child.kill();
    for (const counter of counters) await counter.close();
    await database?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);

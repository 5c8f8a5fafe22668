// Runs bench/sql-comparison.ts (the app's query functions need TypeScript and
// the react-server condition) against the filled database, and returns its rows.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function compareWithHandWrittenSql(databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'bench', 'sql-comparison.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/sql-comparison.ts failed (exit code ${code})`));
      resolve(JSON.parse(output.trim().split('\n').pop()));
    });
  });
}

// Finds every server action in the app: each lib/**/actions.ts (or <use case>-actions.ts), and each of its
// exports that went through lib/action.ts (so carries `.meta`). The
// authorization matrix and the bad-input tests use this, so a new action that is
// not in their tables makes them fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerAction } from '@/lib/action';

const LIB_DIR = path.resolve(__dirname, '../../lib');

export interface DiscoveredAction {
  file: string;
  exportName: string;
  name: string;
  permission: string;
  action: ServerAction<unknown>;
}

export interface Discovery {
  actions: DiscoveredAction[];
  /** Exports of an actions.ts file that are not wrapped actions: each is a problem. */
  unwrapped: string[];
}

function actionFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : actionFiles(full);
    return /^([a-z-]+-)?actions\.ts$/u.test(entry.name) ? [full] : [];
  });
}

export function discoverActions(): Discovery {
  const actions: DiscoveredAction[] = [];
  const unwrapped: string[] = [];
  for (const file of actionFiles(LIB_DIR).sort()) {
    const relative = path.relative(path.resolve(LIB_DIR, '..'), file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (exportName === '__esModule') continue;
      const meta = (value as { meta?: { name?: unknown; permission?: unknown } } | null)?.meta;
      if (typeof value === 'function' && meta && typeof meta.name === 'string' && typeof meta.permission === 'string') {
        actions.push({ file: relative, exportName, name: meta.name, permission: meta.permission, action: value as ServerAction<unknown> });
      } else {
        unwrapped.push(`${relative}: ${exportName}`);
      }
    }
  }
  return { actions, unwrapped };
}

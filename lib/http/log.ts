import { randomUUID } from 'node:crypto';

type Where = { kind: 'page' | 'action' | 'route'; name: string; requestId?: string; method?: string };

/** Next reports a page's error once for its server components and again for its HTML: the second report of an id is dropped. */
const recentIds: string[] = [];
const RECENT_IDS_KEPT = 200;

function alreadyLogged(requestId: string): boolean {
  if (recentIds.includes(requestId)) return true;
  recentIds.push(requestId);
  if (recentIds.length > RECENT_IDS_KEPT) recentIds.shift();
  return false;
}

/**
 * One JSON line on stderr: when and where, a request id, and the error's kind
 * and code, never its message, since a database error can quote the data that
 * caused it. The stack's frames name only our files and lines. What a person
 * typed, their name or their email never reach the log.
 */
function writeLine(level: 'error' | 'warn', event: string, error: unknown, where: Where, { withStack }: { withStack: boolean }): string {
  const requestId = where.requestId ?? randomUUID();
  if (where.requestId && alreadyLogged(where.requestId)) return requestId;
  const err = error instanceof Error ? error : null;
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  const frames = !withStack
    ? undefined
    : err?.stack
        ?.split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter((line) => line.startsWith('at '))
        .map((line) => line.replace(/\(?([^()\s]*?)(\/(?:lib|app|components)\/[^()\s]+)\)?$/u, '$2').replace(/^at\s+/u, ''))
        .slice(0, 8);
  console.error(
    JSON.stringify({
      level,
      time: new Date().toISOString(),
      event,
      requestId,
      kind: where.kind,
      name: where.name,
      ...(where.method ? { method: where.method } : {}),
      error: err?.name ?? typeof error,
      ...(code ? { code } : {}),
      ...(frames?.length ? { at: frames } : {}),
    }),
  );
  return requestId;
}

/** An unexpected error: the request id is Next's digest (the 500 page's reference) or a new one. */
export function logUnexpected(error: unknown, where: Where): string {
  return writeLine('error', 'unexpected error', error, where, { withStack: true });
}

/** The database could not serve (lib/http/unavailable.ts): a warning, since the fault is not in the code, and no stack. */
export function logUnavailable(error: unknown, where: Where): string {
  return writeLine('warn', 'database unavailable', error, where, { withStack: false });
}

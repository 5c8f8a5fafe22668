import { randomUUID } from 'node:crypto';

/**
 * One JSON line on stderr for an unexpected error: when and where, a request id
 * (Next's digest, which the 500 page shows as the reference, or a new one), and
 * the error's kind and code, never its message, since a database error can
 * quote the data that caused it. The stack's frames name only our files and
 * lines. What a person typed, their name or their email never reach the log.
 */
export function logUnexpected(error: unknown, where: { kind: 'page' | 'action' | 'route'; name: string; requestId?: string; method?: string }): string {
  const requestId = where.requestId ?? randomUUID();
  const err = error instanceof Error ? error : null;
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  const frames = err?.stack
    ?.split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .map((line) => line.replace(/\(?([^()\s]*?)(\/(?:lib|app|components)\/[^()\s]+)\)?$/u, '$2').replace(/^at\s+/u, ''))
    .slice(0, 8);
  console.error(
    JSON.stringify({
      level: 'error',
      time: new Date().toISOString(),
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

import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import type { ActionResult } from '@/lib/action';

/**
 * The message for a dotted field name such as `answers.<activityId>` or
 * `minimums.HR`: react-hook-form keeps such errors nested, which
 * useActionForm's fieldError and error summary (flat names) do not reach.
 * The browser's error first, then the server's.
 */
export function nestedFieldError(errors: FieldErrors<FieldValues>, result: ActionResult<unknown> | null, path: string): string | undefined {
  const client = get(errors, path) as { message?: unknown } | undefined;
  if (client && typeof client.message === 'string') return client.message;
  return result && !result.ok ? result.fieldErrors?.[path]?.[0] : undefined;
}

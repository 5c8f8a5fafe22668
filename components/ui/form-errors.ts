import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { ErrorSummaryItem } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/action';

/** Every message in react-hook-form's nested errors, by dotted path (`answers.<id>`, `valueOptions.3`). */
function flatten(errors: unknown, prefix: string, into: Map<string, string>): void {
  if (!errors || typeof errors !== 'object') return;
  const message = (errors as { message?: unknown }).message;
  if (prefix && typeof message === 'string') {
    into.set(prefix, message);
    return;
  }
  for (const [key, value] of Object.entries(errors)) {
    // `_form` comes back from the server as a message for the whole form: the summary shows it once, from the result.
    if (key === 'ref' || key === 'type' || key === 'types' || key === 'message' || key === 'root' || (!prefix && key === '_form')) continue;
    flatten(value, prefix ? `${prefix}.${key}` : key, into);
  }
}

/**
 * Every error a form has, from the browser (react-hook-form, nested for dotted
 * names like `answers.<activityId>` or list items like `valueOptions.3`) and from
 * the server's result, as the error summary's items and a lookup by field. The
 * browser's message wins over the server's. `anchor` maps a message's path to
 * the id its summary link should focus (undefined: no link).
 */
export function collectFormErrors(errors: FieldErrors<FieldValues>, result: ActionResult<unknown> | null, anchor: (path: string) => string | undefined = (path) => path) {
  const messages = new Map<string, string>();
  flatten(errors, '', messages);
  let formMessages: string[] = [];
  if (result && !result.ok) {
    for (const [path, list] of Object.entries(result.fieldErrors ?? {})) {
      if (path === '_form') formMessages = list;
      else if (!messages.has(path) && list[0]) messages.set(path, list[0]);
    }
    if (!result.fieldErrors) formMessages = [result.error];
  }
  const summary: ErrorSummaryItem[] = [
    ...formMessages.map((message) => ({ message })),
    ...[...messages].map(([path, message]) => {
      const field = anchor(path);
      return field ? { field, message } : { message };
    }),
  ];
  /** The first message for a field or anything inside it. */
  const at = (field: string): string | undefined => {
    for (const [path, message] of messages) if (path === field || path.startsWith(`${field}.`)) return message;
    return undefined;
  };
  return { summary, at };
}

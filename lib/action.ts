import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { CONNECT_TIMEOUT_MS, db, type Tx } from '@/lib/db';
import { ActionError, MESSAGES, type ActionErrorCode, type FieldErrors } from '@/lib/action-error';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { authenticate, loadActiveUser, type CurrentUser } from '@/lib/auth/load';
import { formDataToObject, UnsafeFieldNameError } from '@/lib/form-data';
import { logUnavailable, logUnexpected } from '@/lib/http/log';
import { isDatabaseUnavailable } from '@/lib/http/unavailable';
import { can, couldEver, type Permission, type PermissionScope } from '@/lib/permissions';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; error: string; fieldErrors?: FieldErrors };

/** Signature shared by `useActionState`, plain HTML form posts and direct calls: `action(null, input)`. */
export type ServerAction<T> = ((previous: ActionResult<T> | null, input: unknown) => Promise<ActionResult<T>>) & {
  readonly meta: { readonly name: string; readonly permission: Permission | 'public' };
};

interface RunContext<Input, User> {
  input: Input;
  user: User;
  tx: Tx;
  /** The signed-in person's current session (null in public actions): "sign out of my other sessions" keeps it. */
  sessionId: User extends null ? null : string;
  /** Records the change in the audit log, in this transaction. Every action must call it at least once. */
  audit: (entry: AuditEntry) => Promise<void>;
}

interface Definition<Schema extends z.ZodType, T, User> {
  /** `<record>.<verb>`: the name in the audit log and in the authorization matrix. */
  name: string;
  input: Schema;
  run: (context: RunContext<z.output<Schema>, User>) => Promise<T>;
  /** Paths whose cached pages change with this action. */
  revalidate?: (data: T, input: z.output<Schema>) => string[];
}

interface AuthenticatedDefinition<Schema extends z.ZodType, T> extends Definition<Schema, T, CurrentUser> {
  permission: Permission;
  /**
   * Finds the team the record belongs to (and the person's relations to it),
   * inside the transaction, so permission is checked against the specific
   * record. Null when the record does not exist.
   */
  scope?: (input: z.output<Schema>, tx: Tx, user: CurrentUser) => Promise<PermissionScope | null>;
}

function failure(code: ActionErrorCode, fieldErrors?: FieldErrors, message: string = MESSAGES[code]): { ok: false; code: ActionErrorCode; error: string; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, code, error: message, fieldErrors } : { ok: false, code, error: message };
}

/** Field errors keyed by the field's dotted path. Paths can carry client-chosen keys, so they are collected in a Map. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors.set(key, [...(errors.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(errors);
}

/**
 * Turns what was posted into the action's input: the form parsed safely
 * (lib/form-data.ts) and validated. A field name that could reach an object's
 * prototype refuses the whole form, so nothing is written.
 */
function parseInput<Schema extends z.ZodType>(schema: Schema, raw: unknown): { ok: true; input: z.output<Schema> } | { ok: false; result: ReturnType<typeof failure> } {
  let candidate: unknown;
  try {
    candidate = formDataToObject(raw);
  } catch (error) {
    if (error instanceof UnsafeFieldNameError) return { ok: false, result: failure('VALIDATION', { _form: [error.message] }) };
    throw error;
  }
  const parsed = schema.safeParse(candidate);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, result: failure('VALIDATION', fieldErrorsOf(parsed.error)) };
}

async function execute<T>(
  name: string,
  run: (tx: Tx, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
  actorId: string | null,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      let audited = 0;
      const data = await run(tx, async (entry) => {
        audited += 1;
        await recordAudit(tx, actorId, entry);
      });
      // Deny silently-unaudited changes: an action that wrote no audit event rolls back.
      if (audited === 0) throw new Error(`Action ${name} made no audit entry`);
      return data;
    },
    // Waits for a connection as long as a page does (not Prisma's 2 seconds), then says the service is busy.
    { timeout: 15_000, maxWait: CONNECT_TIMEOUT_MS },
  );
}

function settle<T>(name: string, error: unknown): ActionResult<T> {
  if (error instanceof ActionError) return failure(error.code, error.fieldErrors, error.message);
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error, { kind: 'action', name });
    return failure('UNAVAILABLE');
  }
  logUnexpected(error, { kind: 'action', name });
  return failure('UNEXPECTED');
}

function revalidateAll(paths: string[]): void {
  for (const path of paths) revalidatePath(path);
}

/**
 * The one way to write a server action: load the signed-in person from the
 * database, refuse anyone without the permission, validate with zod, check the
 * permission against the specific record, run the change and its audit event in
 * one transaction, and return typed field errors or the result.
 */
export function defineAction<Schema extends z.ZodType, T>(definition: AuthenticatedDefinition<Schema, T>): ServerAction<T> {
  const action = async (_previous: ActionResult<T> | null, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await authenticate();
      const user = session.user;
      if (!user) return failure('UNAUTHENTICATED');
      if (!couldEver(user, definition.permission)) return failure('FORBIDDEN');

      const parsed = parseInput(definition.input, raw);
      if (!parsed.ok) return parsed.result;
      const input = parsed.input;

      const data = await execute(
        definition.name,
        async (tx, audit) => {
          // Reload inside the transaction: roles changed a moment ago count.
          const actor = await loadActiveUser(user.id, tx);
          if (!actor) throw new ActionError('UNAUTHENTICATED', MESSAGES.UNAUTHENTICATED);
          const scope = definition.scope ? await definition.scope(input, tx, actor) : {};
          if (!scope) throw new ActionError(can(actor, definition.permission) ? 'NOT_FOUND' : 'FORBIDDEN', can(actor, definition.permission) ? MESSAGES.NOT_FOUND : MESSAGES.FORBIDDEN);
          if (!can(actor, definition.permission, scope)) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
          return definition.run({ input, user: actor, tx, audit, sessionId: session.sessionId });
        },
        user.id,
      );
      revalidateAll(definition.revalidate?.(data, input) ?? []);
      return { ok: true, data };
    } catch (error) {
      return settle(definition.name, error);
    }
  };
  return Object.assign(action, { meta: { name: definition.name, permission: definition.permission } });
}

/**
 * Only for flows where a secret in the input is the credential (setting a
 * password from a one-time link). Validation, the transaction and the audit
 * event are the same as for every other action.
 */
export function definePublicAction<Schema extends z.ZodType, T>(definition: Definition<Schema, T, null>): ServerAction<T> {
  const action = async (_previous: ActionResult<T> | null, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const parsed = parseInput(definition.input, raw);
      if (!parsed.ok) return parsed.result;
      const input = parsed.input;
      const data = await execute(definition.name, (tx, audit) => definition.run({ input, user: null, tx, audit, sessionId: null }), null);
      revalidateAll(definition.revalidate?.(data, input) ?? []);
      return { ok: true, data };
    } catch (error) {
      return settle(definition.name, error);
    }
  };
  return Object.assign(action, { meta: { name: definition.name, permission: 'public' as const } });
}

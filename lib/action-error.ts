export type ActionErrorCode = 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'UNEXPECTED';

export type FieldErrors = Record<string, string[]>;

/**
 * An expected failure: thrown inside an action's `run` to roll back the transaction
 * and return a typed result the form can show (field errors or an error summary).
 */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export const MESSAGES = {
  // Said plainly, because the person's typed work is still on the page and only they can save it.
  UNAUTHENTICATED: 'You have been signed out, so this has not been saved. To keep what you typed, sign in again in a new tab, then come back to this page and save it.',
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'That record no longer exists.',
  CONFLICT: 'Someone else changed this while you were editing. Your changes have not been saved: check the latest version and try again.',
  VALIDATION: 'There is a problem with what you entered.',
  // The database was unreachable, restarting or too busy (lib/http/unavailable.ts): nothing is wrong with what was typed.
  UNAVAILABLE: 'The service is busy or restarting, so this has not been saved. Wait a minute, then save it again.',
  UNEXPECTED: 'Something went wrong and nothing was saved. Try again.',
} as const satisfies Record<ActionErrorCode, string>;

export function conflict(): ActionError {
  return new ActionError('CONFLICT', MESSAGES.CONFLICT);
}

export function fieldError(field: string, message: string): ActionError {
  return new ActionError('VALIDATION', MESSAGES.VALIDATION, { [field]: [message] });
}

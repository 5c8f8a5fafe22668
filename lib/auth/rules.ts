/** The password policy, shared by forms and server actions: no hashing here, so it is safe in the browser. */
import { z } from 'zod';
import commonPasswords from '@/lib/auth/common-passwords.json';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// The 10,000 most common passwords and every common one of 12+ characters,
// from the MIT-licensed zxcvbn-ts password list (lower-cased).
const COMMON = new Set<string>(commonPasswords as string[]);

/** Why this password is too easy to guess, or null when it is acceptable. */
export function commonPasswordProblem(password: string): string | null {
  const lower = password.toLowerCase();
  // "password1234", "iloveyou2026!": a common word padded out to the minimum length.
  const core = lower.replace(/[^a-z]+$/u, '').replace(/^[^a-z]+/u, '');
  const repeatedUnit = /^(.{1,6}?)\1+$/u.exec(lower)?.[1];
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core)) || (repeatedUnit !== undefined && (repeatedUnit.length < 4 || COMMON.has(repeatedUnit)))) {
    return 'This password is too common. Choose a longer phrase that would be hard to guess';
  }
  return null;
}

/** The rule for any new password; pasting is allowed and no composition rules are imposed (NCSC guidance). */
export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
  .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`)
  .superRefine((password, ctx) => {
    const problem = commonPasswordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

import { db, lockKey, type Tx } from '@/lib/db';
import { verifyDecoy, verifyPassword } from '@/lib/auth/password-hash';
import { startSession } from '@/lib/auth/sessions';
import { identityProviderRequired, keepsPassword } from '@/lib/auth/sign-in-settings';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type SignInOutcome = { ok: true; userId: string; sessionId: string } | { ok: false; reason: 'invalid' | 'locked' | 'identity-provider-required' };

function latest(...moments: Array<Date | null | undefined>): Date {
  return new Date(Math.max(...moments.filter((moment): moment is Date => moment instanceof Date).map((moment) => moment.getTime())));
}

/**
 * When sign-in to this account is paused until, or null: for the administrator's
 * person page. One statement: the failures since the latest of the window's
 * start, the last success and an unlock (GREATEST skips the ones that are null),
 * the same rule attemptSignIn applies.
 */
export async function accountLockedUntil(email: string, client: Tx | typeof db = db, now = new Date()): Promise<Date | null> {
  const address = normaliseEmail(email);
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const failures = await client.$queryRaw<Array<{ createdAt: Date }>>`
    SELECT a."createdAt" FROM "SignInAttempt" a
    WHERE a.email = ${address} AND NOT a.succeeded
      AND a."createdAt" >= GREATEST(
        ${since}::timestamp,
        (SELECT max(s."createdAt") FROM "SignInAttempt" s WHERE s.email = ${address} AND s.succeeded AND s."createdAt" >= ${since}::timestamp),
        (SELECT u."signInUnlockedAt" FROM "User" u WHERE u.email = ${address}))
    ORDER BY a."createdAt"`;
  if (failures.length < MAX_FAILED_ATTEMPTS) return null;
  // Paused until the oldest failure that still counts leaves the window.
  return new Date(failures[failures.length - MAX_FAILED_ATTEMPTS].createdAt.getTime() + LOCKOUT_WINDOW_MS);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password, refusing every attempt for an account or an address that has
 * failed MAX_FAILED_ATTEMPTS times within the window. The counters are rows in
 * PostgreSQL so every app instance shares them; an advisory lock per account makes
 * concurrent guesses queue, so a burst cannot slip past the limit. Attempts refused
 * while locked are not counted, so the lock lifts 15 minutes after the failures.
 * Callers show one generic message whatever the reason. A successful sign-in
 * starts its server-side session in the same transaction.
 */
export async function attemptSignIn(
  input: {
    email: string;
    password: string;
    ipAddress: string;
    /** The identity provider is configured: the organisation's "require it" setting then applies (decision 0022). */
    identityProviderAvailable?: boolean;
  },
  now = new Date(),
): Promise<SignInOutcome> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const ipAddress = input.ipAddress.slice(0, 64) || 'unknown';
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);

  return db.$transaction(
    async (tx) => {
      // Address first, then account, always in this order (no deadlocks): guesses at
      // many accounts from one address queue as surely as guesses at one account.
      await lockKey(tx, `sign-in-ip:${ipAddress}`);
      await lockKey(tx, `sign-in:${email}`);
      // The person's row is locked until the session exists, so a password change, disabling or
      // "sign out everywhere" (lib/auth/sessions.ts endSessionsOf) happens wholly before or after.
      await tx.$queryRaw`SELECT id FROM "User" WHERE email = ${email} FOR UPDATE`;
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true, signInUnlockedAt: true, orgRole: true } });
      const lastSuccess = await tx.signInAttempt.findFirst({
        where: { email, succeeded: true, createdAt: { gte: since } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      // Failures before the last success, or before an unlock (a set-password link used, an administrator), no longer count.
      const accountSince = latest(since, lastSuccess?.createdAt, user?.signInUnlockedAt);
      const [accountFailures, addressFailures] = await Promise.all([
        tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: accountSince } } }),
        tx.signInAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gte: since } } }),
      ]);
      const locked = accountFailures >= MAX_FAILED_ATTEMPTS || addressFailures >= MAX_FAILED_ATTEMPTS;

      // A password is checked whether or not sign-in is paused, so a refusal takes as long and says as little either way.
      const passwordMatches = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : (await verifyDecoy(input.password), false);
      // Someone who must use the organisation's identity provider is told so whatever password was typed, and nothing
      // is counted: a password cannot sign them in, so there is nothing to guess, no answer that depends on the
      // password, and no way to lock them out of the provider by typing wrong ones (decision 0022).
      if (user && !user.disabledAt && input.identityProviderAvailable && !keepsPassword(user.orgRole) && (await identityProviderRequired(tx))) {
        return { ok: false, reason: 'identity-provider-required' } as const;
      }
      if (locked) return { ok: false, reason: 'locked' } as const;
      const succeeded = passwordMatches && !!user && !user.disabledAt;

      await tx.signInAttempt.create({ data: { email, ipAddress, succeeded, createdAt: now } });
      if (!succeeded || !user) return { ok: false, reason: 'invalid' } as const;
      return { ok: true, userId: user.id, sessionId: await startSession(user.id, tx) } as const;
    },
    { timeout: 15_000 },
  );
}

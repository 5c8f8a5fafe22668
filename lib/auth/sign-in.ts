import { db } from '@/lib/db';
import { verifyDecoy, verifyPassword } from '@/lib/auth/password-hash';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type SignInOutcome = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'locked' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password, refusing every attempt for an account or an address that has
 * failed MAX_FAILED_ATTEMPTS times within the window. The counters are rows in
 * PostgreSQL so every app instance shares them; an advisory lock per account makes
 * concurrent guesses queue, so a burst cannot slip past the limit. Attempts refused
 * while locked are not counted, so the lock lifts 15 minutes after the failures.
 * Callers show one generic message whatever the reason.
 */
export async function attemptSignIn(input: { email: string; password: string; ipAddress: string }, now = new Date()): Promise<SignInOutcome> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const ipAddress = input.ipAddress.slice(0, 64) || 'unknown';
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);

  return db.$transaction(
    async (tx) => {
      // Address first, then account, always in this order (no deadlocks): guesses at
      // many accounts from one address queue as surely as guesses at one account.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in-ip:${ipAddress}`}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const lastSuccess = await tx.signInAttempt.findFirst({
        where: { email, succeeded: true, createdAt: { gte: since } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      const [accountFailures, addressFailures] = await Promise.all([
        tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } } }),
        tx.signInAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gte: since } } }),
      ]);
      if (accountFailures >= MAX_FAILED_ATTEMPTS || addressFailures >= MAX_FAILED_ATTEMPTS) {
        return { ok: false, reason: 'locked' } as const;
      }

      const user = await tx.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
      const passwordMatches = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : (await verifyDecoy(input.password), false);
      const succeeded = passwordMatches && !!user && !user.disabledAt;

      await tx.signInAttempt.create({ data: { email, ipAddress, succeeded, createdAt: now } });
      return succeeded && user ? ({ ok: true, userId: user.id } as const) : ({ ok: false, reason: 'invalid' } as const);
    },
    { timeout: 15_000 },
  );
}

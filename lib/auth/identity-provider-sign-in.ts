import { db, lockKey, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/audit/gate';
import type { IdTokenClaims } from '@/lib/auth/identity-provider';
import type { IdentityProviderErrorCode } from '@/lib/auth/identity-provider-messages';
import { startSession } from '@/lib/auth/sessions';
import { accountLockedUntil, normaliseEmail } from '@/lib/auth/sign-in';
import { emailDomain, getSignInSettings } from '@/lib/auth/sign-in-settings';

export type IdentityProviderSignInOutcome =
  | { ok: true; userId: string; sessionId: string; created: boolean; linked: boolean }
  | { ok: false; reason: IdentityProviderErrorCode };

/** True for `true` or "true": providers differ in how they send booleans. */
function claimIsTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The email an id_token vouches for: present, and verified (OpenID's email_verified, or Entra ID's xms_edov). Lower-cased. */
export function verifiedEmailOf(claims: Pick<IdTokenClaims, 'email' | 'email_verified' | 'xms_edov'>): string | null {
  if (typeof claims.email !== 'string' || !claims.email.includes('@')) return null;
  if (!claimIsTrue(claims.email_verified) && !claimIsTrue(claims.xms_edov)) return null;
  return normaliseEmail(claims.email).slice(0, 320);
}

/** A newcomer's name from the token: `name`, else given and family names, else the email's local part. */
function newcomerName(claims: IdTokenClaims, email: string): string {
  const joined = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  const name = (typeof claims.name === 'string' && claims.name.trim()) || joined || email.slice(0, email.lastIndexOf('@'));
  return name.trim().slice(0, 120);
}

interface Person {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
}

const PERSON = { id: true, email: true, name: true, disabledAt: true } as const;

/**
 * Finds who an id_token is, under the rules of decision 0022: the account
 * already linked to this issuer and subject; else the person with the token's
 * verified email (never an unverified one), unless they are linked to another
 * account at this issuer; else, when the organisation allows the email's
 * domain, a new person with no roles. Locks the person's row, as a password
 * sign-in does, so that disabling them or ending their sessions happens wholly
 * before or after.
 */
async function findPerson(tx: Tx, claims: IdTokenClaims): Promise<{ person: Person; created: boolean; linked: boolean } | { refused: IdentityProviderErrorCode }> {
  const link = await tx.identityProviderLink.findUnique({ where: { issuer_subject: { issuer: claims.iss, subject: claims.sub } }, select: { userId: true } });
  if (link) {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${link.userId}::uuid FOR UPDATE`;
    return { person: await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: PERSON }), created: false, linked: true };
  }
  if (typeof claims.email !== 'string' || !claims.email.includes('@')) return { refused: 'IdentityProviderUnknownPerson' };
  const email = verifiedEmailOf(claims);
  if (!email) return { refused: 'IdentityProviderUnverifiedEmail' };

  // The same lock a password sign-in for this email takes (lib/auth/sign-in.ts).
  await lockKey(tx, `sign-in:${email}`);
  await tx.$queryRaw`SELECT id FROM "User" WHERE email = ${email} FOR UPDATE`;
  const existing = await tx.user.findUnique({ where: { email }, select: { ...PERSON, identityProviderLinks: { where: { issuer: claims.iss }, select: { id: true } } } });
  if (existing) {
    // Linked to another account at this provider: the email has changed hands there, or is shared.
    if (existing.identityProviderLinks.length > 0) return { refused: 'IdentityProviderOtherAccount' };
    return { person: existing, created: false, linked: false };
  }

  const settings = await getSignInSettings(tx);
  if (!settings.allowedEmailDomains.includes(emailDomain(email))) return { refused: 'IdentityProviderUnknownPerson' };
  const person = await tx.user.create({ data: { email, name: newcomerName(claims, email) }, select: PERSON });
  await recordAudit(tx, person.id, {
    action: 'person.create.identityProvider',
    recordType: 'User',
    recordId: person.id,
    summary: `${person.name} was added on first signing in through the identity provider (their email's domain is allowed), with no roles`,
  });
  return { person, created: true, linked: false };
}

/**
 * Signs a person in from a verified id_token: finds them (findPerson), refuses
 * a disabled person and an account whose sign-in is paused after failed
 * password attempts (the same rule as lib/auth/sign-in.ts; decision 0022),
 * records the issuer and subject the first time, records the sign-in as a
 * successful attempt as a password sign-in does, and starts the server-side
 * session in the same transaction.
 */
export async function signInThroughIdentityProvider(
  claims: IdTokenClaims,
  { ipAddress = 'unknown', now = new Date() }: { ipAddress?: string; now?: Date } = {},
): Promise<IdentityProviderSignInOutcome> {
  if (typeof claims.iss !== 'string' || !claims.iss || typeof claims.sub !== 'string' || !claims.sub) return { ok: false, reason: 'IdentityProviderUnknownPerson' };
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, `sign-in-idp:${claims.iss}|${claims.sub}`);
      const found = await findPerson(tx, claims);
      if ('refused' in found) return { ok: false, reason: found.refused } as const;
      const { person, created } = found;
      if (person.disabledAt) return { ok: false, reason: 'IdentityProviderDisabled' } as const;
      // The same pause after failed passwords as the password form's (lib/auth/sign-in.ts): an account under attack
      // waits, or an administrator unlocks it. Where the provider is required, wrong passwords for it are not counted.
      if (await accountLockedUntil(person.email, tx, now)) return { ok: false, reason: 'IdentityProviderLocked' } as const;

      if (found.linked) {
        await tx.identityProviderLink.update({ where: { issuer_subject: { issuer: claims.iss, subject: claims.sub } }, data: { lastUsedAt: now } });
      } else {
        await tx.identityProviderLink.create({ data: { userId: person.id, issuer: claims.iss, subject: claims.sub, linkedAt: now, lastUsedAt: now } });
        await recordAudit(tx, person.id, {
          action: 'person.identityProvider.link',
          recordType: 'User',
          recordId: person.id,
          summary: `${person.name} first signed in through the identity provider; their account there is now linked`,
        });
      }
      await tx.signInAttempt.create({ data: { email: person.email, ipAddress: ipAddress.slice(0, 64) || 'unknown', succeeded: true, createdAt: now } });
      return { ok: true, userId: person.id, sessionId: await startSession(person.id, tx), created, linked: !found.linked } as const;
    },
    { timeout: 15_000 },
  );
}

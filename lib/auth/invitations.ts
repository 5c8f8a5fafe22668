import { createHash, randomBytes } from 'node:crypto';
import { db, type Tx } from '@/lib/db';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a one-time set-password link for a person and returns its path. Only
 * the token's hash is stored; earlier unused links for the person stop working.
 */
export async function createInvitation(tx: Tx, userId: string, createdById: string | null, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.invitation.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.invitation.create({
    data: { userId, createdById, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) },
  });
  return `/set-password/${token}`;
}

/**
 * Set-password links for many people at once (an import's newcomers), in two
 * statements: each person's path by their id, as createInvitation makes one.
 */
export async function createInvitations(tx: Tx, userIds: readonly string[], createdById: string | null, now = new Date()): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const tokens = userIds.map((userId) => [userId, randomBytes(32).toString('base64url')] as const);
  await tx.invitation.updateMany({ where: { userId: { in: [...userIds] }, usedAt: null }, data: { usedAt: now } });
  await tx.invitation.createMany({ data: tokens.map(([userId, token]) => ({ userId, createdById, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) })) });
  return new Map(tokens.map(([userId, token]) => [userId, `/set-password/${token}`]));
}

/** The person a link is for, while the link is unused and unexpired. */
export async function findUsableInvitation(token: string, client: Tx | typeof db = db, now = new Date()) {
  if (token.length < 20 || token.length > 200) return null;
  return client.invitation.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
    select: { id: true, userId: true, user: { select: { name: true, email: true } } },
  });
}

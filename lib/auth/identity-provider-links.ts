import { db } from '@/lib/db';

/** When a person first signed in through the identity provider (their earliest link), or null if they never have: for their page. */
export async function identityProviderFirstLinkedAt(userId: string): Promise<Date | null> {
  const first = await db.identityProviderLink.findFirst({ where: { userId }, orderBy: { linkedAt: 'asc' }, select: { linkedAt: true } });
  return first?.linkedAt ?? null;
}

import 'server-only';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { wellbeingRelations } from '@/lib/onboarding/access';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

/*
 * Wellbeing plans. A person reads and writes their own; anyone else reads one
 * only while its owner shares it with them (revokedAt null), checked in the
 * database on every request, so stopping sharing takes effect on the next
 * page. No role sees a plan by being a manager, HR or an administrator. Plan
 * text goes to the page and nowhere else: never into logs or messages.
 */

/**
 * The signed-in person's own plan (null before they write one), who it is
 * shared with now, and whose plans are shared with them: two queries, run together.
 */
export async function getOwnWellbeing(user: CurrentUser) {
  const [plan, sharedWithMe] = await Promise.all([
    db.wellbeingPlan.findUnique({
      where: { userId: user.id },
      select: {
        keepsMeWell: true,
        earlySigns: true,
        whatHelps: true,
        whoToContact: true,
        version: true,
        updatedAt: true,
        shares: {
          where: { revokedAt: null },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true, createdAt: true, sharedWith: { select: { name: true, email: true } } },
        },
      },
    }),
    db.wellbeingShare.findMany({
      where: { sharedWithId: user.id, revokedAt: null, plan: { user: { disabledAt: null } } },
      orderBy: [{ plan: { user: { name: 'asc' } } }, { id: 'asc' }],
      take: 200,
      select: { id: true, createdAt: true, plan: { select: { userId: true, user: { select: { name: true } } } } },
    }),
  ]);
  return {
    plan,
    sharedWithMe: sharedWithMe.map((share) => ({ shareId: share.id, userId: share.plan.userId, name: share.plan.user.name, since: share.createdAt })),
  };
}

export type OwnWellbeing = Awaited<ReturnType<typeof getOwnWellbeing>>;

/**
 * Another person's plan, only while they share it with this person: null for
 * everyone else (their own plan is read on the wellbeing page, not here). The
 * share is checked through access.ts, then the read itself is scoped to it
 * again, so a share revoked in between finds nothing: two round trips.
 */
export async function getSharedWellbeingPlan(user: CurrentUser, ownerId: string) {
  if (!isUuid(ownerId) || ownerId === user.id) return null;
  const relations = await wellbeingRelations(db, ownerId, user.id);
  if (!can(user, 'onboarding.wellbeing.read', { relations })) return null;
  return db.wellbeingPlan.findFirst({
    // A disabled owner's plan is closed too, as in the "shared with you" list.
    where: { userId: ownerId, user: { disabledAt: null }, shares: { some: { sharedWithId: user.id, revokedAt: null } } },
    select: {
      keepsMeWell: true,
      earlySigns: true,
      whatHelps: true,
      whoToContact: true,
      updatedAt: true,
      user: { select: { name: true } },
      shares: { where: { sharedWithId: user.id, revokedAt: null }, select: { createdAt: true } },
    },
  });
}

export type SharedWellbeingPlan = NonNullable<Awaited<ReturnType<typeof getSharedWellbeingPlan>>>;

// ---- Loaders: once per request, shared by a page and its metadata ----
// The page passes the signed-in person (requireUser(), itself cached, so the same object all request long):
// lib/auth/load is for app/ and load.ts files only (eslint's workflow boundaries).

export const loadOwnWellbeing = cache((user: CurrentUser) => getOwnWellbeing(user));

export const loadSharedWellbeingPlan = cache((user: CurrentUser, ownerId: string) => getSharedWellbeingPlan(user, ownerId));

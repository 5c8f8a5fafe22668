import 'server-only';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

/*
 * A team's arrangements that parity compares a placement with: its regular
 * meetings and the systems its members have. Read only by the team's managers
 * (lib/onboarding/team-actions.ts changes them); anyone else gets null, and
 * the page answers "not found". The person's memberships are reloaded from the
 * database on every request (lib/auth/load.ts), never taken from the client.
 */

/** Whether this person keeps this team's meetings and systems. */
export function keepsTeamArrangements(user: CurrentUser, teamId: string): boolean {
  return isUuid(teamId) && can(user, 'onboarding.team.manage', { teamId });
}

/**
 * The team, its meetings (Monday first, then by time), its active members with
 * the systems each has, and the systems recorded anywhere in the organisation
 * (the form's suggestions): two queries, run together.
 */
export async function getTeamArrangements(user: CurrentUser, teamId: string) {
  if (!keepsTeamArrangements(user, teamId)) return null;
  const [team, knownSystems] = await Promise.all([
    db.team.findFirst({
      where: { id: teamId, archivedAt: null },
      select: {
        id: true,
        name: true,
        meetings: { orderBy: [{ day: 'asc' }, { time: 'asc' }, { id: 'asc' }], select: { id: true, name: true, day: true, time: true, main: true } },
        memberships: {
          where: { user: { disabledAt: null } },
          orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
          take: 500,
          select: {
            role: true,
            user: { select: { id: true, name: true, systemAccess: { orderBy: [{ system: 'asc' }, { id: 'asc' }], select: { id: true, system: true } } } },
          },
        },
      },
    }),
    // GROUP BY in SQL (Prisma's `distinct` would read every row and drop repeats in memory).
    db.systemAccess.groupBy({ by: ['system'], orderBy: { system: 'asc' }, take: 200 }),
  ]);
  if (!team) return null;
  const { memberships, ...rest } = team;
  return {
    team: rest,
    members: memberships.map((membership) => ({ ...membership.user, role: membership.role })),
    knownSystems: knownSystems.map((row) => row.system),
  };
}

export type TeamArrangements = NonNullable<Awaited<ReturnType<typeof getTeamArrangements>>>;

// ---- Loaders: once per request, shared by a page and its metadata ----
// The page passes the signed-in person (requireUser(), itself cached, so the same object all request long):
// lib/auth/load is for app/ and load.ts files only (eslint's workflow boundaries).

export const loadTeamArrangements = cache((user: CurrentUser, teamId: string) => getTeamArrangements(user, teamId));

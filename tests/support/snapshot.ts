// What "nothing changed" means for the refusal and bad-input tests: every table's
// row count, and every row that belongs to a test world, read back in full.
import { db } from '@/lib/db';
import type { World } from '../factories';

export function worldUserIds(world: World): string[] {
  return [world.admin, world.hr, world.managerOfThisTeam, world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep, world.newcomer].map(
    (user) => user.id,
  );
}

export async function snapshotDatabase(world: World) {
  const userIds = worldUserIds(world);
  const teamIds = [world.thisTeam.id, world.otherTeam.id];
  const [counts, users, teams, memberships, invitations] = await Promise.all([
    Promise.all([db.user.count(), db.team.count(), db.teamMembership.count(), db.invitation.count(), db.auditEvent.count(), db.signInAttempt.count()]).then(
      ([users, teams, memberships, invitations, auditEvents, signInAttempts]) => ({ users, teams, memberships, invitations, auditEvents, signInAttempts }),
    ),
    db.user.findMany({ where: { id: { in: userIds } }, orderBy: { id: 'asc' } }),
    db.team.findMany({ where: { id: { in: teamIds } }, orderBy: { id: 'asc' } }),
    db.teamMembership.findMany({ where: { OR: [{ teamId: { in: teamIds } }, { userId: { in: userIds } }] }, orderBy: { id: 'asc' } }),
    db.invitation.findMany({ where: { userId: { in: userIds } }, orderBy: { id: 'asc' } }),
  ]);
  return { counts, users, teams, memberships, invitations };
}

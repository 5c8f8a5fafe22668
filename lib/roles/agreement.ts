import type { db, Tx } from '@/lib/db';
import type { RoleVersionStatus } from '@/lib/generated/prisma/enums';
import { agreementStatus, DEFAULT_AGREEMENT_POLICY, type AgreementRequirement, type AgreementState } from '@/lib/roles/rules';

/**
 * Locks a version's row for the rest of the transaction. Every change to a
 * version's agreements, concerns or status takes this lock first, so a last
 * sign-off and a new concern cannot interleave: whichever commits second sees
 * the other's effect.
 */
export async function lockVersion(tx: Tx, versionId: string): Promise<{ status: RoleVersionStatus; roleId: string; teamId: string } | null> {
  const rows = await tx.$queryRaw<Array<{ status: RoleVersionStatus; roleId: string; teamId: string }>>`
    SELECT v."status"::text AS "status", v."roleId"::text AS "roleId", r."teamId"::text AS "teamId"
    FROM "RoleVersion" v JOIN "Role" r ON r."id" = v."roleId"
    WHERE v."id" = ${versionId}::uuid
    FOR UPDATE OF v`;
  return rows[0] ?? null;
}

/** Locks a role's row for the rest of the transaction: submissions and new checks for one role queue. */
export async function lockRole(tx: Tx, roleId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Role" WHERE "id" = ${roleId}::uuid FOR UPDATE`;
}

/** The team's agreement policy, or the default when the team has not set one. */
export async function teamPolicy(tx: Tx | typeof db, teamId: string): Promise<AgreementRequirement[]> {
  const rows = await tx.agreementRequirement.findMany({ where: { teamId }, select: { group: true, minimum: true } });
  return rows.length > 0 ? rows.filter((row) => row.minimum > 0) : DEFAULT_AGREEMENT_POLICY;
}

/**
 * Re-applies the agreement rule after a change, inside the caller's transaction
 * and under the version lock. When the version becomes Agreed, it becomes the
 * role's current agreed version and the earlier agreed one is superseded.
 */
export async function refreshAgreement(tx: Tx, versionId: string): Promise<AgreementState & { becameAgreed: boolean }> {
  const version = await tx.roleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, roleId: true, status: true, role: { select: { teamId: true } } },
  });
  const [policy, agreements, openConcerns] = await Promise.all([
    teamPolicy(tx, version.role.teamId),
    tx.agreement.findMany({ where: { versionId }, select: { group: true } }),
    tx.concern.count({ where: { versionId, status: 'OPEN' } }),
  ]);
  const state = agreementStatus(policy, agreements, openConcerns);
  if (state.status !== 'AGREED' || version.status !== 'IN_REVIEW') return { ...state, becameAgreed: false };
  await tx.roleVersion.updateMany({ where: { roleId: version.roleId, status: 'AGREED' }, data: { status: 'SUPERSEDED' } });
  await tx.roleVersion.update({ where: { id: versionId }, data: { status: 'AGREED', agreedAt: new Date() } });
  return { ...state, becameAgreed: true };
}

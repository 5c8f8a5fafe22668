import type { db, Tx } from '@/lib/db';
import type { RoleVersionStatus } from '@/lib/generated/prisma/enums';
import { expectationsEvidence } from '@/lib/expectations/gate';
import { tellManagersAgreed } from '@/lib/agreement/notifications';
import { agreementStatus, DEFAULT_AGREEMENT_POLICY, type AgreementPolicy, type AgreementRequirement, type AgreementState } from '@/lib/agreement/rules';

/**
 * Locks a version's row for the rest of the transaction. Every change to a
 * version's agreements, concerns or status takes this lock first, so a last
 * sign-off and a new concern cannot interleave: whichever commits second sees
 * the other's effect.
 */
export async function lockVersion(tx: Tx, versionId: string): Promise<{ status: RoleVersionStatus; roleId: string; teamId: string; number: number } | null> {
  const rows = await tx.$queryRaw<Array<{ status: RoleVersionStatus; roleId: string; teamId: string; number: number }>>`
    SELECT v."status"::text AS "status", v."roleId"::text AS "roleId", r."teamId"::text AS "teamId", v."number"
    FROM "RoleVersion" v JOIN "Role" r ON r."id" = v."roleId"
    WHERE v."id" = ${versionId}::uuid
    FOR UPDATE OF v`;
  return rows[0] ?? null;
}

/**
 * Locks the role's version in review (there is at most one) for the rest of
 * the transaction, and returns its id. Changes to what the agreement rule reads
 * from the expectations check (answers, settled contested activities) take this
 * lock first, as agreements and concerns do, so they cannot interleave with a
 * last sign-off.
 */
export async function lockVersionsInReview(tx: Tx, roleId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text AS "id" FROM "RoleVersion"
    WHERE "roleId" = ${roleId}::uuid AND "status" = 'IN_REVIEW'
    ORDER BY "id"
    FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** Who must agree the team's roles, or the default when the team has not set it. */
export async function teamPolicy(tx: Tx | typeof db, teamId: string): Promise<ReadonlyArray<AgreementRequirement>> {
  return (await agreementPolicy(tx, teamId)).requirements;
}

/** A team's stored requirements, or the default when it has none: rows with a minimum of 0 ask nothing. */
const requirementsOf = (rows: ReadonlyArray<AgreementRequirement>): AgreementRequirement[] => (rows.length > 0 ? rows.filter((row) => row.minimum > 0) : DEFAULT_AGREEMENT_POLICY);

/** The team's whole agreement policy: who must agree, and what the expectations check must show first. */
export async function agreementPolicy(tx: Tx | typeof db, teamId: string): Promise<AgreementPolicy & { teamVersion: number }> {
  // One query: the team's settings with its requirement rows (relationJoins).
  return policyOf(await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: POLICY_SELECT }));
}

/** What a team's agreement policy is read from: select it with the team wherever the team is read anyway. */
export const POLICY_SELECT = {
  requireExpectationsCheck: true,
  requireContestedSettled: true,
  version: true,
  agreementRequirements: { select: { group: true, minimum: true } },
} as const;

export function policyOf(team: { requireExpectationsCheck: boolean; requireContestedSettled: boolean; version: number; agreementRequirements: ReadonlyArray<AgreementRequirement> }): AgreementPolicy & { teamVersion: number } {
  return { requirements: requirementsOf(team.agreementRequirements), requireExpectationsCheck: team.requireExpectationsCheck, requireContestedSettled: team.requireContestedSettled, teamVersion: team.version };
}

/** A version's agreement state as the rule judges it now, with the expectations evidence it was judged on. */
async function judgeVersion(tx: Tx | typeof db, version: { id: string; roleId: string; teamId: string }) {
  const [policy, agreements, openConcerns, expectations] = await Promise.all([
    agreementPolicy(tx, version.teamId),
    tx.agreement.findMany({ where: { versionId: version.id }, select: { group: true } }),
    tx.concern.count({ where: { versionId: version.id, status: 'OPEN' } }),
    expectationsEvidence(tx, version.roleId),
  ]);
  const state = agreementStatus(policy, { agreements, openConcerns, latestCheck: expectations.check });
  return { state, policy, expectations };
}

/**
 * Re-applies the agreement rule after a change, inside the caller's transaction
 * and under the version lock. When the version becomes Agreed, it becomes the
 * role's current agreed version and the earlier agreed one is superseded.
 */
export async function refreshAgreement(tx: Tx, versionId: string): Promise<AgreementState & { becameAgreed: boolean }> {
  const version = await tx.roleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, roleId: true, number: true, status: true, role: { select: { teamId: true } } },
  });
  const { state } = await judgeVersion(tx, { id: version.id, roleId: version.roleId, teamId: version.role.teamId });
  if (state.status !== 'AGREED' || version.status !== 'IN_REVIEW') return { ...state, becameAgreed: false };
  await tx.roleVersion.updateMany({ where: { roleId: version.roleId, status: 'AGREED' }, data: { status: 'SUPERSEDED' } });
  await tx.roleVersion.update({ where: { id: versionId }, data: { status: 'AGREED', agreedAt: new Date() } });
  await tellManagersAgreed(tx, version);
  return { ...state, becameAgreed: true };
}

export interface NowAgreed {
  versionId: string;
  number: number;
  roleTitle: string;
}

/**
 * Re-applies the agreement rule to versions in review that the caller has
 * already locked (lockVersionsInReview or lockVersion), after a change to what
 * the rule reads. Returns those that became Agreed, for the audit summary.
 */
export async function refreshVersionsInReview(tx: Tx, versionIds: readonly string[]): Promise<NowAgreed[]> {
  const agreed: NowAgreed[] = [];
  for (const versionId of versionIds) {
    const state = await refreshAgreement(tx, versionId);
    if (!state.becameAgreed) continue;
    const version = await tx.roleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { number: true, role: { select: { title: true } } } });
    agreed.push({ versionId, number: version.number, roleTitle: version.role.title });
  }
  return agreed;
}

/**
 * "; version 2 is now Agreed" for each, for an audit summary. `nameRole` for a
 * change that spans roles (a team's policy), where the number alone is ambiguous.
 */
export function nowAgreed(agreed: readonly NowAgreed[], nameRole = false): string {
  return agreed.map((version) => `; version ${version.number}${nameRole ? ` of ${version.roleTitle}` : ''} is now Agreed`).join('');
}

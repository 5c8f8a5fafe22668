import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseContent } from '@/lib/roles/rules';
import { isUuid } from '@/lib/schema-fields';

/*
 * What other workflows may take from roles: who may see what of a role and its
 * records (one decision, lib/roles/access.ts), the opening steps of an action
 * on a role, and the agreed version recruitment builds on. Gates are imported
 * by scripts too (the seed, through the factories): nothing here is server-only.
 */
export { checkScope, concernScope, getRoleAccess, roleScope, versionScope, visibleAmongTheRolesVersions, visibleChecksWhere, visibleVersionsWhere, type RoleAccess } from '@/lib/roles/access';
export { lockRole, openRole, rolePagePaths } from '@/lib/roles/records';
export { checkPath, rolePath, versionPath } from '@/lib/roles/paths';
export { parseContent, roleSectionKey, sectionTitle, type RoleContent, type RoleSectionKey } from '@/lib/roles/rules';

export class RoleNotAgreedError extends Error {
  constructor(readonly roleId: string) {
    super('This role has no agreed version yet: only an agreed role can be recruited to.');
    this.name = 'RoleNotAgreedError';
  }
}

/**
 * The gate recruitment builds on: the agreed version of a role, and nothing
 * else. A role that has never been agreed (or does not exist) throws; a role
 * whose newer version is still in review returns the version agreed before it.
 */
export async function getAgreedVersion(roleId: string, client: Tx | typeof db = db) {
  const version = isUuid(roleId)
    ? await client.roleVersion.findFirst({
        where: { roleId, status: 'AGREED' },
        orderBy: { number: 'desc' },
        select: { id: true, roleId: true, number: true, content: true, agreedAt: true, role: { select: { title: true, teamId: true } } },
      })
    : null;
  if (!version || !version.agreedAt) throw new RoleNotAgreedError(roleId);
  return { ...version, agreedAt: version.agreedAt, content: parseContent(version.content) };
}

/** A role's title and team, as a notification names them. */
export async function roleHeading(client: Tx | typeof db, roleId: string): Promise<{ roleId: string; title: string; teamId: string; teamName: string }> {
  const role = await client.role.findUniqueOrThrow({ where: { id: roleId }, select: { id: true, title: true, teamId: true, team: { select: { name: true } } } });
  return { roleId: role.id, title: role.title, teamId: role.teamId, teamName: role.team.name };
}

/**
 * A team's roles for its dashboard, by title, as one SQL value (a JSON array)
 * for the dashboard's single statement; `rolesOfTeamFrom` reads it back: the
 * version agreed and the one in review, whether unsubmitted changes wait in
 * the draft, and whether any version has been recruited to. With
 * `withUnagreed` false (someone who does not draft the team's roles), only
 * roles with an agreed version, as the team page lists them.
 */
export function rolesOfTeamSql(teamId: string, { withUnagreed }: { withUnagreed: boolean }): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
      'id', r.id, 'title', r.title, 'draftChanged', r."draftChanged",
      'agreedVersion', (SELECT max(v.number) FROM "RoleVersion" v WHERE v."roleId" = r.id AND v.status = 'AGREED'),
      'inReviewVersion', (SELECT max(v.number) FROM "RoleVersion" v WHERE v."roleId" = r.id AND v.status = 'IN_REVIEW'),
      'recruitedTo', EXISTS (SELECT 1 FROM "Vacancy" x JOIN "RoleVersion" v ON v.id = x."roleVersionId" WHERE v."roleId" = r.id)
    ) ORDER BY r.title, r.id), '[]'::json)
    FROM "Role" r
    WHERE r."teamId" = ${teamId}::uuid ${withUnagreed ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM "RoleVersion" v WHERE v."roleId" = r.id AND v."agreedAt" IS NOT NULL)`}
  )`;
}

export function rolesOfTeamFrom(value: unknown, { withUnagreed }: { withUnagreed: boolean }) {
  const rows = (Array.isArray(value) ? value : []) as Array<{ id: string; title: string; draftChanged: boolean; agreedVersion: number | null; inReviewVersion: number | null; recruitedTo: boolean }>;
  return rows.map((role) => ({
    id: role.id,
    title: role.title,
    agreedVersion: role.agreedVersion,
    inReviewVersion: withUnagreed ? role.inReviewVersion : null,
    hasUnsubmittedChanges: withUnagreed && role.draftChanged,
    recruitedTo: role.recruitedTo,
  }));
}

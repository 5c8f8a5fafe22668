import 'server-only';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/gate';
import { checksOfRole } from '@/lib/expectations/gate';
import { can } from '@/lib/permissions';
import { visibleVersionsWhere, type RoleAccess } from '@/lib/roles/access';
import { parseContent, ROLE_SECTIONS, sectionIsComplete } from '@/lib/roles/rules';

/** A team's roles with where each stands; drafts only for those who may draft. */
export async function listTeamRoles(user: CurrentUser, teamId: string) {
  const canDraft = can(user, 'role.draft', { teamId });
  if (!can(user, 'role.view', { teamId })) return { canDraft, roles: [] };
  const roles = await db.role.findMany({
    where: { teamId, ...(canDraft ? {} : { versions: { some: { agreedAt: { not: null } } } }) },
    orderBy: { title: 'asc' },
    select: {
      id: true,
      title: true,
      draftChanged: true,
      updatedAt: true,
      versions: { orderBy: { number: 'desc' }, where: { status: { in: ['IN_REVIEW', 'AGREED'] } }, select: { number: true, status: true } },
    },
  });
  return {
    canDraft,
    roles: roles.map((role) => ({
      id: role.id,
      title: role.title,
      updatedAt: role.updatedAt,
      agreedVersion: role.versions.find((version) => version.status === 'AGREED')?.number ?? null,
      inReviewVersion: canDraft ? (role.versions.find((version) => version.status === 'IN_REVIEW')?.number ?? null) : null,
      hasUnsubmittedChanges: canDraft && role.draftChanged,
    })),
  };
}

export type TeamRoles = Awaited<ReturnType<typeof listTeamRoles>>;

/** The versions of the role this person may read, newest first. */
export function listRoleVersions(access: RoleAccess) {
  return db.roleVersion.findMany({
    where: visibleVersionsWhere(access),
    orderBy: { number: 'desc' },
    select: { id: true, number: true, status: true, submittedAt: true, agreedAt: true, submittedBy: { select: { name: true } }, _count: { select: { agreements: true, reviewers: true } } },
  });
}

/** The role's draft, for a drafter's section page; null for anyone else. */
export async function getDraft(access: RoleAccess) {
  if (!access.canDraft) return null;
  const row = await db.role.findUnique({ where: { id: access.role.id }, select: { draft: true } });
  return row ? parseContent(row.draft) : null;
}

/** The role's overview page: draft progress (for drafters), versions, expectations checks. */
export async function getRoleOverview(access: RoleAccess) {
  const [draftRow, versions, checks] = await Promise.all([
    access.canDraft ? db.role.findUniqueOrThrow({ where: { id: access.role.id }, select: { draft: true } }) : null,
    listRoleVersions(access),
    checksOfRole(access),
  ]);
  const draft = draftRow ? parseContent(draftRow.draft) : null;
  return {
    draft,
    sections: draft ? ROLE_SECTIONS.map((section) => ({ ...section, complete: sectionIsComplete(draft, section.key) })) : [],
    versions,
    checks,
  };
}

/** Two versions this person may read, for the side-by-side comparison. */
export async function getVersionsToCompare(access: RoleAccess, from: number, to: number) {
  const versions = await db.roleVersion.findMany({
    where: { ...visibleVersionsWhere(access), number: { in: [from, to] } },
    select: { number: true, status: true, content: true, submittedAt: true },
  });
  const before = versions.find((version) => version.number === from);
  const after = versions.find((version) => version.number === to);
  return before && after ? { before: { ...before, content: parseContent(before.content) }, after: { ...after, content: parseContent(after.content) } } : null;
}

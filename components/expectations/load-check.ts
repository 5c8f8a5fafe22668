import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/permissions';
import { getExpectationCheck, getRoleAccess } from '@/lib/roles/queries';

/**
 * The signed-in person and what they may see of a role, shared by a page and its
 * generateMetadata. Null access when the role does not exist, they may see
 * nothing of it, or it belongs to another team than the one in the address.
 */
export const loadRoleAccess = cache(async (teamId: string, roleId: string) => {
  const user = await requireUser();
  const access = await getRoleAccess(user, roleId);
  return { user, access: access && access.role.teamId === teamId ? access : null };
});

/** The expectations check as this person may see it, or null. */
export const loadCheck = cache(async (teamId: string, roleId: string, checkId: string) => {
  const { user, access } = await loadRoleAccess(teamId, roleId);
  const check = access ? await getExpectationCheck(access, user.id, checkId) : null;
  return { user, access, check };
});

export type LoadedCheck = NonNullable<Awaited<ReturnType<typeof getExpectationCheck>>>;
export type CheckActivity = LoadedCheck['activities'][number];

/** Breadcrumbs above a role's pages: the team only for those who may open the team page. */
export function roleCrumbs(user: Awaited<ReturnType<typeof requireUser>>, role: { id: string; teamId: string; title: string; team: { name: string } }) {
  const crumbs = [{ href: '/', label: 'Home' }];
  if (can(user, 'team.view', { teamId: role.teamId })) crumbs.push({ href: `/teams/${role.teamId}`, label: role.team.name });
  crumbs.push({ href: `/teams/${role.teamId}/roles/${role.id}`, label: role.title });
  return crumbs;
}

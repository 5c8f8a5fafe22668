import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { getRoleAccess } from '@/lib/roles/access';

/**
 * The signed-in person and what they may see of the role, shared by a page and
 * its generateMetadata within one request. Null access when the role does not
 * exist, the person may see nothing of it, or it belongs to a different team
 * than the one in the address: the page answers 404 in every case, so nobody
 * learns that a role exists in a team they cannot see.
 */
export const loadRole = cache(async (teamId: string, roleId: string) => {
  const user = await requireUser();
  const access = await getRoleAccess(user, roleId);
  return { user, access: access && access.role.teamId === teamId ? access : null };
});

/** A version number from the address: a positive whole number, or null. */
export function parseVersionNumber(value: string | undefined): number | null {
  if (!value || !/^\d{1,6}$/u.test(value)) return null;
  const number = Number(value);
  return number >= 1 ? number : null;
}

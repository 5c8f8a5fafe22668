import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { db, type Tx } from '@/lib/db';
import { readSession } from '@/lib/auth/session';
import { can, type Permission, type PermissionScope } from '@/lib/permissions';

const currentUserSelect = {
  id: true,
  email: true,
  name: true,
  jobTitle: true,
  orgRole: true,
  version: true,
  memberships: {
    where: { team: { archivedAt: null } },
    select: { teamId: true, role: true, team: { select: { name: true } } },
    orderBy: { team: { name: 'asc' } },
  },
} as const;

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadActiveUser>>>;

/** The person, freshly from the database: null when they do not exist or are disabled. */
export async function loadActiveUser(userId: string, client: Tx | typeof db = db) {
  if (!/^[0-9a-f-]{36}$/iu.test(userId)) return null;
  return client.user.findFirst({ where: { id: userId, disabledAt: null }, select: currentUserSelect });
}

/**
 * The signed-in person for this request, reloaded from the database so that
 * disabling someone or changing their roles takes effect on their next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession();
  return session ? loadActiveUser(session.userId) : null;
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** For pages: the signed-in person if they may do `permission`, otherwise the 403 page. */
export async function requirePermission(permission: Permission, scope?: PermissionScope): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission, scope)) forbidden();
  return user;
}

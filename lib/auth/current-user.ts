import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { db, type Tx } from '@/lib/db';
import { isUuid } from '@/lib/schema-fields';
import { readSession } from '@/lib/auth/session';
import { checkSession } from '@/lib/auth/sessions';
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
  if (!isUuid(userId)) return null;
  return client.user.findFirst({ where: { id: userId, disabledAt: null }, select: currentUserSelect });
}

export type SignedIn =
  | { user: CurrentUser; sessionId: string; idleExpiresAt: Date }
  /** Why there is nobody: no session cookie, or a session that timed out or was ended. */
  | { user: null; ended: 'timed-out' | 'ended' | null };

/**
 * Who is signed in: the session cookie's claims, checked against the
 * server-side session (ended or idle sessions are refused) and the person
 * reloaded from the database, so that signing out, disabling someone or
 * changing their roles takes effect on their next request. Unless `touch` is
 * false, the request counts as activity.
 */
export async function authenticate({ touch = true } = {}): Promise<SignedIn> {
  const claims = await readSession();
  if (!claims) return { user: null, ended: null };
  const session = await checkSession(claims.sessionId, claims.userId, { touch });
  if (session.status !== 'current') return { user: null, ended: session.status };
  const user = await loadActiveUser(claims.userId);
  return user ? { user, sessionId: claims.sessionId, idleExpiresAt: session.idleExpiresAt } : { user: null, ended: 'ended' };
}

/** The signed-in person and their session, once per request. */
export const getCurrentSession = cache((): Promise<SignedIn> => authenticate());

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession()).user);

/** Where a signed-out person goes: the sign-in page, saying why, and coming back here afterwards. */
async function signInPath(ended: 'timed-out' | 'ended' | null): Promise<string> {
  const query = new URLSearchParams();
  if (ended) query.set('reason', ended === 'timed-out' ? 'timeout' : 'ended');
  let path: string | null = null;
  try {
    // Set by proxy.ts from the request URL; safeCallbackUrl checks it again on the sign-in page.
    path = (await headers()).get('x-request-path');
  } catch {
    // Outside a request (tests): no way back.
  }
  if (path && path.startsWith('/') && !path.startsWith('//')) query.set('callbackUrl', path);
  const search = query.toString();
  return search ? `/sign-in?${search}` : '/sign-in';
}

export async function requireUser(): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (!session.user) redirect(await signInPath(session.ended));
  return session.user;
}

/** For pages: the signed-in person if they may do `permission`, otherwise the 403 page. */
export async function requirePermission(permission: Permission, scope?: PermissionScope): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission, scope)) forbidden();
  return user;
}

import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';
import { isUuid } from '@/lib/schema-fields';
import { readSession } from '@/lib/auth/session';
import { onPanelSql } from '@/lib/recruitment/gate';
import { waitingRequestsSql } from '@/lib/requests/gate';
import { checkSession } from '@/lib/auth/sessions';
import { can, type Permission, type PermissionScope } from '@/lib/permissions';

/** The signed-in person, as every permission check reads them: their organisation role and their memberships of active teams. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  orgRole: OrgRole;
  version: number;
  memberships: Array<{ teamId: string; role: TeamRole; team: { name: string } }>;
  /** How many requests wait for them (the header's count): loaded for pages, not inside actions. */
  waitingRequests?: number;
  /** Whether they sit on a recruitment panel still at work (pages only, with the count). */
  onPanel?: boolean;
}

/**
 * The person as one JSON value, or null when they do not exist or are
 * disabled: one round trip, where Prisma loads the memberships and their teams
 * in separate ones, and every request needs it.
 */
const personJson = (userId: string, { withWaiting = false } = {}) => Prisma.sql`(
  SELECT json_build_object(
    'id', u.id, 'email', u.email, 'name', u.name, 'jobTitle', u."jobTitle", 'orgRole', u."orgRole", 'version', u.version,
    ${withWaiting ? Prisma.sql`'waitingRequests', ${waitingRequestsSql(Prisma.sql`u.id`)}, 'onPanel', ${onPanelSql(Prisma.sql`u.id`)},` : Prisma.empty}
    'memberships', COALESCE((
      SELECT json_agg(json_build_object('teamId', m."teamId", 'role', m.role, 'team', json_build_object('name', t.name)) ORDER BY t.name, t.id)
      FROM "TeamMembership" m JOIN "Team" t ON t.id = m."teamId" AND t."archivedAt" IS NULL
      WHERE m."userId" = u.id
    ), '[]'::json))
  FROM "User" u WHERE u.id = ${userId}::uuid AND u."disabledAt" IS NULL)`;

/** The person, freshly from the database (inside a transaction when given one): null when they do not exist or are disabled. */
export async function loadActiveUser(userId: string, client: Tx | typeof db = db): Promise<CurrentUser | null> {
  if (!isUuid(userId)) return null;
  const rows = await client.$queryRaw<Array<{ person: CurrentUser | null }>>`SELECT ${personJson(userId)} AS person`;
  return rows[0]?.person ?? null;
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
 * false, the request counts as activity. `withWaiting` adds the header's count
 * of waiting requests (pages), in the same statement.
 */
export async function authenticate({ touch = true, withWaiting = false }: { touch?: boolean | 'always'; withWaiting?: boolean } = {}): Promise<SignedIn> {
  const claims = await readSession();
  if (!claims) return { user: null, ended: null };
  // The session and the person in one round trip (isUuid first: the id reaches SQL as a uuid cast).
  if (!isUuid(claims.userId)) return { user: null, ended: 'ended' };
  const session = await checkSession<CurrentUser>(claims.sessionId, claims.userId, { touch, also: personJson(claims.userId, { withWaiting }) });
  if (session.status !== 'current') return { user: null, ended: session.status };
  const user = session.extra ?? null;
  return user ? { user, sessionId: claims.sessionId, idleExpiresAt: session.idleExpiresAt } : { user: null, ended: 'ended' };
}

/** The signed-in person and their session, once per request. */
export const getCurrentSession = cache((): Promise<SignedIn> => authenticate({ withWaiting: true }));

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

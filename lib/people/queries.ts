import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { activeSessionsWhere, accountLockedUntil } from '@/lib/auth/gate';
import { pageArgs, toPage } from '@/lib/pagination';
import { isUuid } from '@/lib/schema-fields';

/** Everyone in the organisation; only for those who may list people (checked by the page). */
export async function listPeople(options: { page: number; search?: string; disabled?: boolean }) {
  const search = options.search?.trim().slice(0, 100);
  const where: Prisma.UserWhereInput = {
    disabledAt: options.disabled ? { not: null } : null,
    ...(search
      ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { email: { contains: search.toLowerCase() } }] }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...pageArgs(options.page),
      select: { id: true, name: true, email: true, jobTitle: true, orgRole: true, disabledAt: true, passwordHash: true },
    }),
    db.user.count({ where }),
  ]);
  // Whether a password is set matters to the admin; the hash itself never leaves this function.
  return toPage(
    items.map(({ passwordHash, ...person }) => ({ ...person, hasPassword: passwordHash !== null })),
    total,
    options.page,
  );
}

export async function getPerson(userId: string) {
  if (!isUuid(userId)) return null;
  const person = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      orgRole: true,
      disabledAt: true,
      version: true,
      passwordHash: true,
      memberships: { orderBy: { team: { name: 'asc' } }, select: { id: true, role: true, team: { select: { id: true, name: true, archivedAt: true } } } },
    },
  });
  if (!person) return null;
  const { passwordHash, ...rest } = person;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** For administrators: whether sign-in is paused after failed attempts, and how many sessions could still be used. */
export async function getPersonSignIn(person: { id: string; email: string }) {
  const [lockedUntil, activeSessions] = await Promise.all([accountLockedUntil(person.email), db.userSession.count({ where: activeSessionsWhere(person.id) })]);
  return { lockedUntil, activeSessions };
}

/** How many other browsers the person is signed in on, for My account. */
export function countOtherSessions(userId: string, sessionId: string): Promise<number> {
  return db.userSession.count({ where: { ...activeSessionsWhere(userId), id: { not: sessionId } } });
}

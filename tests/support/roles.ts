// Helpers for the role tests: calling an action as someone (also several at
// once), loading a person as the app does, and reading stored content exactly.
import { loadActiveUser } from '@/lib/auth/load';
import { db } from '@/lib/db';
import { signInAs } from './session';

/**
 * Calls `call` signed in as `user`. The action reads the session before its
 * first await, so several of these can be started together in a Promise.all
 * and each runs as its own person.
 */
export function actingAs<T>(user: { id: string } | null, call: () => Promise<T>): Promise<T> {
  signInAs(user);
  return call();
}

/** The person as pages and queries see them (lib/auth/load.ts). */
export async function currentUserOf(user: { id: string }) {
  const loaded = await loadActiveUser(user.id);
  if (!loaded) throw new Error(`No active person ${user.id}`);
  return loaded;
}

/** A version's content exactly as PostgreSQL stores it, to compare byte for byte. */
export async function storedVersionContent(versionId: string): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ content: string }>>`SELECT "content"::text AS "content" FROM "RoleVersion" WHERE "id" = ${versionId}::uuid`;
  if (!row) throw new Error(`No version ${versionId}`);
  return row.content;
}

/** A role's draft exactly as stored. */
export async function storedDraft(roleId: string): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ draft: string }>>`SELECT "draft"::text AS "draft" FROM "Role" WHERE "id" = ${roleId}::uuid`;
  if (!row) throw new Error(`No role ${roleId}`);
  return row.draft;
}

/** Audit events about one record, oldest first. */
export function auditOf(recordId: string) {
  return db.auditEvent.findMany({ where: { recordId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, recordType: true, summary: true } });
}

import 'server-only';
import type pg from 'pg';
import { ActionError } from '@/lib/action-error';
import { recordAudit } from '@/lib/audit/gate';
import { db, lockKey } from '@/lib/db';
import { can } from '@/lib/permissions';
import { importContext } from '@/lib/people/directory';
import { applyImport, newcomersInvited, type ImportResult } from '@/lib/people/import';
import { planImport, type ColumnMapping, type ImportPlan, type JudgedRow } from '@/lib/people/rules';
import { isUuid } from '@/lib/schema-fields';

/*
 * An import as it is kept between its steps (PeopleImport), read for its
 * pages, and written by the background worker when it is large.
 */

export type ImportStatus = 'DRAFT' | 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface StoredImport {
  id: string;
  createdById: string;
  fileName: string;
  /** Every row's cells, the header first. */
  cells: string[][];
  mapping: ColumnMapping;
  status: ImportStatus;
  version: number;
}

/** The rows to judge: every row but the header. */
export const importedRows = (stored: Pick<StoredImport, 'cells'>) => stored.cells.slice(1);

export interface ImportView extends StoredImport {
  disableMissing: boolean;
  total: number;
  processed: number;
  result: ImportResult | null;
  outcomes: JudgedRow[] | null;
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The signed-in administrator's own import (nobody else's, whoever asks), or null. One round trip. */
export async function getOwnImport(importId: string, userId: string): Promise<ImportView | null> {
  if (!isUuid(importId)) return null;
  const stored = await db.peopleImport.findFirst({
    where: { id: importId, createdById: userId },
    select: { id: true, createdById: true, fileName: true, cells: true, mapping: true, status: true, version: true, disableMissing: true, total: true, processed: true, result: true, outcomes: true, failure: true, createdAt: true, finishedAt: true },
  });
  if (!stored) return null;
  return {
    ...stored,
    cells: stored.cells as string[][],
    mapping: stored.mapping as unknown as ColumnMapping,
    result: stored.result as unknown as ImportResult | null,
    outcomes: stored.outcomes as unknown as JudgedRow[] | null,
  };
}

/** Where an import is, without its cells or outcomes: what the page reads first, and all it reads while the worker writes. */
export async function getOwnImportProgress(importId: string, userId: string) {
  if (!isUuid(importId)) return null;
  const found = await db.peopleImport.findFirst({ where: { id: importId, createdById: userId }, select: { id: true, fileName: true, status: true, total: true, processed: true, result: true, failure: true } });
  return found ? { ...found, result: found.result as unknown as ImportResult | null } : null;
}

/**
 * What the columns page shows: the header row and the first `sample` rows,
 * taken out in the database rather than reading a whole trust's file.
 */
export async function getOwnImportStart(importId: string, userId: string, sample: number) {
  if (!isUuid(importId)) return null;
  const [found] = await db.$queryRaw<Array<{ fileName: string; status: ImportStatus; version: number; mapping: ColumnMapping; headers: string[]; rows: string[][] }>>`
    SELECT "fileName", status::text AS status, version, mapping, cells->0 AS headers, jsonb_path_query_array(cells, ('$[1 to ' || ${sample}::int || ']')::jsonpath) AS rows
    FROM "PeopleImport" WHERE id = ${importId}::uuid AND "createdById" = ${userId}::uuid`;
  return found ?? null;
}

/** Every row judged against the people and teams as they are now: the preview. Two round trips. */
export async function previewOf(stored: Pick<StoredImport, 'cells' | 'mapping'>): Promise<ImportPlan> {
  return planImport(importedRows(stored), stored.mapping, await importContext(db));
}

/** The administrator's recent imports, newest first, for the upload page. */
export function recentImports(userId: string) {
  return db.peopleImport.findMany({
    where: { createdById: userId, status: { not: 'DRAFT' } },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, fileName: true, status: true, total: true, createdAt: true, finishedAt: true },
  });
}

type EnqueueImports = (client: pg.PoolClient, importIds: readonly string[]) => Promise<void>;

/**
 * The worker's part, as for the notification outbox: queued imports get their
 * background job in the same transaction that marks them dispatched, so each
 * gets exactly one however many workers run.
 */
export async function dispatchQueuedImports(pool: pg.Pool, enqueue: EnqueueImports): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text AS id FROM "PeopleImport" WHERE status = 'QUEUED' AND "dispatchedAt" IS NULL ORDER BY "createdAt" LIMIT 10 FOR UPDATE SKIP LOCKED`,
    );
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) {
      await enqueue(client, ids);
      await client.query(`UPDATE "PeopleImport" SET "dispatchedAt" = now() WHERE id = ANY($1::uuid[])`, [ids]);
    }
    await client.query('COMMIT');
    return ids.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** However long a trust-sized import takes to write (5,000 people take well under a minute). */
const WRITE_TIMEOUT_MS = 20 * 60 * 1000;

/**
 * The `people.import` job: writes a confirmed import in one transaction (all
 * or nothing), the progress bar moved from outside it as people are written.
 * A file that no longer passes (people or teams changed since the preview)
 * fails with the reason and nothing written; so does anything unexpected,
 * which is thrown as well so it shows on the failed jobs page.
 */
export async function writeQueuedImport(importId: string): Promise<{ status: ImportStatus }> {
  const claimed = await db.peopleImport.updateMany({ where: { id: importId, status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'RUNNING', processed: 0 } });
  if (claimed.count === 0) return { status: 'DONE' };
  const stored = await db.peopleImport.findUniqueOrThrow({ where: { id: importId }, select: { cells: true, mapping: true, disableMissing: true, administratorChanges: true, expectedCounts: true, createdById: true } });
  try {
    await db.$transaction(
      async (tx) => {
        // Written as the administrator who confirmed it, only while they still are one (disabled or demoted since: nothing is written).
        await lockKey(tx, 'org-admins');
        // Read here rather than through lib/auth/load.ts, which brings Next's request helpers into the worker.
        const actor = await tx.user.findFirst({ where: { id: stored.createdById, disabledAt: null }, select: { id: true, email: true, name: true, jobTitle: true, orgRole: true, version: true } });
        // person.import is an organisation role's permission: team places do not matter.
        if (!actor || !can({ ...actor, memberships: [] }, 'person.import')) throw new ActionError('FORBIDDEN', 'The administrator who confirmed this import is no longer an administrator.');
        const outcome = await applyImport(tx, {
          expected: stored.expectedCounts ?? undefined,
          administratorChangesConfirmed: stored.administratorChanges,
          rows: importedRows({ cells: stored.cells as string[][] }),
          mapping: stored.mapping as unknown as ColumnMapping,
          disableMissing: stored.disableMissing,
          actorId: stored.createdById,
          invite: await newcomersInvited(tx),
          onProgress: async (done, total) => {
            await db.peopleImport.update({ where: { id: importId }, data: { processed: Math.min(done, total), total } });
          },
        });
        const { judged, ...result } = outcome;
        await tx.peopleImport.update({ where: { id: importId }, data: { status: 'DONE', result: { ...result }, outcomes: judged.map((row) => ({ ...row })), finishedAt: new Date(), version: { increment: 1 } } });
        await recordAudit(tx, stored.createdById, { action: 'people.import.write', recordType: 'PeopleImport', recordId: importId, summary: `Imported people and teams in the background: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.disabled} disabled` });
      },
      { timeout: WRITE_TIMEOUT_MS, maxWait: 30_000 },
    );
    return { status: 'DONE' };
  } catch (error) {
    const expected = error instanceof ActionError;
    const failure = expected ? `${error.message} Nothing was written.` : 'Something went wrong while writing the import, so nothing was written. Upload the file again; if it happens again, tell your system administrator.';
    await db.peopleImport.update({ where: { id: importId }, data: { status: 'FAILED', failure, processed: 0, finishedAt: new Date(), version: { increment: 1 } } });
    if (!expected) throw error;
    return { status: 'FAILED' };
  }
}

/** How long an import's copy of a staff list is kept: a draft nobody confirmed, and one written or failed. */
export const IMPORT_DRAFTS_KEPT_DAYS = 7;
export const IMPORTS_KEPT_DAYS = 30;

/**
 * The nightly `people.import.purge`: forgets the staff lists imports hold once
 * they are no longer needed (the audit log keeps what each import changed).
 * Imports waiting for the worker or being written are left alone.
 */
export async function purgeImports(now = new Date()): Promise<{ draftsRemoved: number; importsRemoved: number }> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const [drafts, finished] = await db.$transaction([
    db.peopleImport.deleteMany({ where: { status: 'DRAFT', updatedAt: { lt: daysAgo(IMPORT_DRAFTS_KEPT_DAYS) } } }),
    db.peopleImport.deleteMany({ where: { status: { in: ['DONE', 'FAILED'] }, finishedAt: { lt: daysAgo(IMPORTS_KEPT_DAYS) } } }),
  ]);
  return { draftsRemoved: drafts.count, importsRemoved: finished.count };
}

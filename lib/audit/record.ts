import type { Tx } from '@/lib/db';

export interface AuditEntry {
  /** What happened, as `<record>.<verb>`, e.g. `team.create`. */
  action: string;
  recordType: string;
  recordId: string;
  /** Short and human: never a password, token or private note. */
  summary: string;
}

/**
 * Writes an audit event with the caller's transaction, so the change and its
 * record commit or roll back together. The table itself refuses UPDATE, DELETE
 * and TRUNCATE (a trigger in the first migration).
 */
export async function recordAudit(tx: Tx, actorId: string | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      summary: entry.summary.slice(0, 500),
    },
  });
}

/** Many events at once, in one statement (an import's people and their teams), with the caller's transaction. */
export async function recordAudits(tx: Tx, actorId: string | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({ actorId, action: entry.action, recordType: entry.recordType, recordId: entry.recordId, summary: entry.summary.slice(0, 500) })),
  });
}

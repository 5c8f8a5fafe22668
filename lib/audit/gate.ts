/*
 * What other workflows may take from the audit log: writing an event in their
 * own transaction, for work that runs outside an action (background jobs, the
 * seed). Actions write theirs through lib/action.ts.
 */
export { recordAudit, recordAudits, type AuditEntry } from '@/lib/audit/record';

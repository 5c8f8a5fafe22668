import 'server-only';
import { cache } from 'react';
import { auditActorOf, auditFilterSchema, listAuditEvents } from '@/lib/audit/queries';
import { getCurrentUser } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { searchParam } from '@/lib/search-params';

type RawParams = Record<string, string | string[] | undefined>;

export interface AuditFilterError {
  field: string;
  message: string;
}

/** The filters, and what is wrong with them: the schema drops anything malformed, so say so rather than silently showing everything. */
function readFilters(raw: RawParams) {
  const filter = auditFilterSchema.parse(raw);
  const errors: AuditFilterError[] = [];
  if (searchParam(raw, 'from') && !filter.from) errors.push({ field: 'from', message: 'Enter a real “from” date' });
  if (searchParam(raw, 'to') && !filter.to) errors.push({ field: 'to', message: 'Enter a real “to” date' });
  if (filter.from && filter.to && filter.from > filter.to) errors.push({ field: 'to', message: 'The “to” date must be the same as or after the “from” date' });
  return { filter, errors };
}

/**
 * The audit page for these filters, once per request (the page and its title
 * share it). "Who" is a search by name or email: it filters once it names
 * exactly one person who has acted; several are offered to choose from. Nothing
 * is read for someone who may not see the audit log.
 */
const loadAuditLogOnce = cache(async (query: string) => {
  const raw = JSON.parse(query) as RawParams;
  const { filter, errors } = readFilters(raw);
  if (!can(await getCurrentUser(), 'audit.view')) return { filter, errors, actor: null, actorId: undefined, events: null };
  const actor = await auditActorOf(filter);
  if (filter.who && !actor.person && actor.choices.length === 0) errors.push({ field: 'who', message: 'No one who has made a change has that name or email' });
  const actorId = actor.person?.id ?? filter.actorId;
  const events = errors.length === 0 && actor.choices.length === 0 ? await listAuditEvents({ ...filter, actorId }) : null;
  return { filter, errors, actor, actorId, events };
});

export const loadAuditLog = (raw: RawParams) => loadAuditLogOnce(JSON.stringify(raw));

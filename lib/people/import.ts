import { ActionError } from '@/lib/action-error';
import { recordAudit, recordAudits } from '@/lib/audit/gate';
import { endSessionsOf, identityProviderConfigured, identityProviderRequired, keepsPassword } from '@/lib/auth/gate';
import { lockKey, type Tx } from '@/lib/db';
import { importContext } from '@/lib/people/directory';
import { issuePasswordLinks } from '@/lib/people/invitations';
import { assertAnAdminRemains } from '@/lib/people/admins';
import { ORG_ROLE_LABELS } from '@/lib/people/labels';
import type { OrgRole } from '@/lib/generated/prisma/enums';
import { administratorChanges, countsToken, planCounts, planImport, type ColumnMapping, type JudgedRow } from '@/lib/people/rules';
import { TEAM_ROLE_LABELS } from '@/lib/teams/gate';

/*
 * Writing an import (issue 14 §3): the rows are judged again inside the
 * transaction, against the people and teams as they are then (whatever the
 * preview said), and written all together or not at all: new people with a
 * set-password link, changed people, their teams, and, only when the
 * administrator asked, the people missing from the file disabled and signed
 * out. Every change is audited in the same transaction. The caller (the
 * import's action, or its background job for a large file) owns the
 * transaction: an error here rolls everything back.
 */

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  disabled: number;
}

export interface ApplyOptions {
  /** The data rows (no header). */
  rows: readonly string[][];
  mapping: ColumnMapping;
  disableMissing: boolean;
  actorId: string;
  /** The preview's countsToken: when the rows judged now differ from what the administrator saw, nothing is written. */
  expected?: string;
  /** Whether the administrator confirmed the file's changes to who is an administrator (asked on their own). */
  administratorChangesConfirmed?: boolean;
  /** Whether new people get a set-password link (not when the organisation signs everyone in through its identity provider). */
  invite?: (person: { orgRole: OrgRole }) => boolean;
  /** Told how many people are done, after each chunk of new people, every PROGRESS_EVERY changed ones, and at the end (the background job's progress bar). */
  onProgress?: (done: number, total: number) => Promise<void>;
}

const PROGRESS_EVERY = 100;
/** New people written per round of statements. */
const CREATE_CHUNK = 500;

export async function applyImport(tx: Tx, { rows, mapping, disableMissing, actorId, expected, administratorChangesConfirmed = false, invite = () => true, onProgress }: ApplyOptions): Promise<ImportResult & { judged: JudgedRow[] }> {
  // One import at a time, and no administrator change in between: the last active administrator stays one.
  await lockKey(tx, 'people-import');
  await lockKey(tx, 'org-admins');
  const plan = planImport(rows, mapping, await importContext(tx));
  if (plan.errors > 0) throw new ActionError('VALIDATION', `${plan.errors === 1 ? '1 row has' : `${plan.errors} rows have`} a problem: fix the file and upload it again.`);
  if (expected !== undefined && countsToken(planCounts(plan)) !== expected) {
    throw new ActionError('CONFLICT', 'People or teams have changed since you checked the preview: check it again before you confirm.');
  }
  if (administratorChanges(plan).length > 0 && !administratorChangesConfirmed) {
    throw new ActionError('VALIDATION', 'The file changes who is an administrator, and that was not confirmed: check the preview again.');
  }
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, disabled: 0 };
  const total = plan.people.length;
  let done = 0;
  result.unchanged = done = plan.people.filter((person) => person.outcome === 'UNCHANGED').length;

  // New people a chunk at a time, a few statements each: a trust's 5,000 in seconds rather than a minute.
  const newcomers = plan.people.filter((person) => person.outcome === 'CREATE');
  for (let start = 0; start < newcomers.length; start += CREATE_CHUNK) {
    const chunk = newcomers.slice(start, start + CREATE_CHUNK);
    const created = await tx.user.createManyAndReturn({
      data: chunk.map((person) => ({ email: person.email, name: person.name, jobTitle: person.jobTitle, orgRole: person.orgRole ?? 'MEMBER' })),
      select: { id: true, email: true },
    });
    const idOf = new Map(created.map((person) => [person.email, person.id]));
    const invited = new Set(chunk.filter((person) => invite({ orgRole: person.orgRole ?? 'MEMBER' })).map((person) => person.email));
    await issuePasswordLinks(tx, [...invited].map((email) => idOf.get(email)!), actorId);
    const places = chunk.flatMap((person) => person.memberships.map((membership) => ({ ...membership, userId: idOf.get(person.email)!, name: person.name })));
    await tx.teamMembership.createMany({ data: places.map(({ teamId, userId, role }) => ({ teamId, userId, role })) });
    await recordAudits(tx, actorId, [
      ...chunk.map((person) => ({ action: 'person.import.create', recordType: 'User', recordId: idOf.get(person.email)!, summary: `Added ${person.name} (${ORG_ROLE_LABELS[person.orgRole ?? 'MEMBER']}) from an import${invited.has(person.email) ? ' and issued a set-password link' : ''}` })),
      ...places.map((place) => ({ action: 'team.member.import', recordType: 'Team', recordId: place.teamId, summary: `${place.name} joins the team as ${TEAM_ROLE_LABELS[place.role]}, from an import` })),
    ]);
    result.created += chunk.length;
    done += chunk.length;
    await onProgress?.(done, total);
  }

  // Changes to people already here, one at a time: an administrator's role is only taken away while another remains.
  for (const person of plan.people.filter((candidate) => candidate.outcome === 'UPDATE')) {
    const userId = person.existingId!;
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { orgRole: true, disabledAt: true } });
    if (current.orgRole === 'ADMIN' && person.orgRole !== null && person.orgRole !== 'ADMIN' && !current.disabledAt) {
      if (userId === actorId) throw new ActionError('CONFLICT', `The file takes your own administrator role away (${person.email}): keep it, or ask another administrator.`);
      await assertAnAdminRemains(tx, [userId], `${person.email} is the only active administrator: the file cannot take their role away.`);
    }
    await tx.user.update({ where: { id: userId }, data: { name: person.name, jobTitle: person.jobTitle, ...(person.orgRole ? { orgRole: person.orgRole } : {}), version: { increment: 1 } } });
    const roleChange = person.orgRole !== null && person.orgRole !== current.orgRole ? `: organisation role ${ORG_ROLE_LABELS[current.orgRole]} → ${ORG_ROLE_LABELS[person.orgRole]}` : '';
    await recordAudit(tx, actorId, { action: 'person.import.update', recordType: 'User', recordId: userId, summary: `Updated ${person.name} from an import${roleChange}` });
    for (const membership of person.memberships) {
      await tx.teamMembership.upsert({ where: { teamId_userId: { teamId: membership.teamId, userId } }, create: { teamId: membership.teamId, userId, role: membership.role }, update: { role: membership.role } });
      await recordAudit(tx, actorId, { action: 'team.member.import', recordType: 'Team', recordId: membership.teamId, summary: `${person.name} joins the team as ${TEAM_ROLE_LABELS[membership.role]}, from an import` });
    }
    result.updated += 1;
    done += 1;
    if (onProgress && done % PROGRESS_EVERY === 0) await onProgress(done, total);
  }
  if (disableMissing && plan.missing.length > 0) {
    const missing = await tx.user.findMany({ where: { email: { in: plan.missing }, disabledAt: null }, select: { id: true, name: true, orgRole: true } });
    if (missing.some((person) => person.id === actorId)) throw new ActionError('CONFLICT', 'You are not in the file: an import cannot disable your own account.');
    await assertAnAdminRemains(tx, missing.map((person) => person.id), 'Disabling the people missing from the file would leave no active administrator.');
    // All together, as disabling one person does: signed out, and their set-password links stop working (and stay stopped if they are enabled again).
    const ids = missing.map((person) => person.id);
    const now = new Date();
    await endSessionsOf(tx, ids, 'DISABLED');
    await tx.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: now, version: { increment: 1 } } });
    await tx.invitation.updateMany({ where: { userId: { in: ids }, usedAt: null }, data: { usedAt: now } });
    await recordAudits(tx, actorId, missing.map((person) => ({ action: 'person.import.disable', recordType: 'User', recordId: person.id, summary: `Disabled ${person.name}: missing from a full import` })));
    result.disabled = missing.length;
  }
  await onProgress?.(plan.people.length, plan.people.length);
  return { ...result, judged: plan.rows };
}

/**
 * Who among the people an import adds gets a set-password link: everyone,
 * unless the organisation requires its identity provider (and this server has
 * one), when only those who keep a password (service-user representatives) do.
 */
export async function newcomersInvited(tx: Tx): Promise<(person: { orgRole: OrgRole }) => boolean> {
  // Required but not configured on this server: sign-in takes passwords (decision 0022), so newcomers need a link.
  if (!identityProviderConfigured() || !(await identityProviderRequired(tx))) return () => true;
  return (person) => keepsPassword(person.orgRole);
}

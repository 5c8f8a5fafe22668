import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { COUNT_LIMIT, pageArgs, parsePage, toPage } from '@/lib/pagination';

export const AUDIT_RECORD_TYPES = ['Team', 'User', 'Role', 'RoleVersion', 'Concern', 'ExpectationCheck', 'Activity', 'RoleTemplate', 'NotificationSettings', 'Job'] as const;

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Filters from the audit page's query string; anything malformed is ignored rather than trusted. */
export const auditFilterSchema = z.object({
  actorId: z.string().uuid().optional().catch(undefined),
  /** Who, by name or email: the page turns it into one person's actorId. */
  who: z.string().trim().min(1).max(100).optional().catch(undefined),
  recordType: z.enum(AUDIT_RECORD_TYPES).optional().catch(undefined),
  from: dateParam,
  to: dateParam,
  page: z.unknown().optional().transform((value) => parsePage(value as string | undefined)),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

/**
 * The instant a calendar day starts in the UK (the audit page shows UK time), so
 * that during British Summer Time an event at 00:30 falls on the day it shows.
 */
export function startOfLondonDay(day: string, addDays = 0): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  utcMidnight.setUTCDate(utcMidnight.getUTCDate() + addDays);
  const londonOffsetMinutes = (instant: Date) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' }).formatToParts(instant);
    const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/u.exec(parts.find((part) => part.type === 'timeZoneName')?.value ?? '');
    return match?.[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  return new Date(utcMidnight.getTime() - londonOffsetMinutes(utcMidnight) * 60_000);
}

/**
 * Above this many matching events the audit page stops counting: it says "more
 * than 10,000" and offers pages up to there, with the filters to narrow it down.
 * Counting 200,000 rows for every page would cost more than drawing it.
 */
export const AUDIT_COUNT_LIMIT = COUNT_LIMIT;

export async function listAuditEvents(filter: Omit<AuditFilter, 'who'> & { who?: string }) {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = startOfLondonDay(filter.from);
  if (filter.to) createdAt.lt = startOfLondonDay(filter.to, 1);
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.recordType ? { recordType: filter.recordType } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
  const [items, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(filter.page),
      select: { id: true, action: true, recordType: true, recordId: true, summary: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    db.auditEvent.count({ where, take: AUDIT_COUNT_LIMIT + 1 }),
  ]);
  return { ...toPage(items, Math.min(total, AUDIT_COUNT_LIMIT), filter.page), moreThanCounted: total > AUDIT_COUNT_LIMIT };
}

/** How many people a "who" search offers to choose from. */
export const AUDIT_ACTOR_CHOICES = 20;

/**
 * People who have acted (disabled people included), for the audit filter: those
 * whose name or email contains `search`, the first AUDIT_ACTOR_CHOICES by name.
 * Without a search, everyone who has acted (for small organisations and tests).
 */
export async function listAuditActors(search?: string) {
  return (await findActors(search)).map(({ id, name }) => ({ id, name }));
}

function findActors(search?: string) {
  const term = search?.trim().slice(0, 100);
  return db.user.findMany({
    where: { auditEvents: { some: {} }, ...(term ? { OR: [{ name: { contains: term, mode: 'insensitive' } }, { email: { contains: term.toLowerCase() } }] } : {}) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, email: true },
    ...(term ? { take: AUDIT_ACTOR_CHOICES + 1 } : {}),
  });
}

/** The one person an audit filter names: by id, or by a search that matches exactly one person who has acted. */
export async function auditActorOf(filter: { actorId?: string; who?: string }) {
  if (filter.actorId) {
    const person = await db.user.findUnique({ where: { id: filter.actorId }, select: { id: true, name: true, email: true } });
    return { person, choices: [] as Array<{ id: string; name: string; email: string }>, more: false };
  }
  if (!filter.who) return { person: null, choices: [], more: false };
  const matches = await findActors(filter.who);
  return { person: matches.length === 1 ? matches[0] : null, choices: matches.length > 1 ? matches.slice(0, AUDIT_ACTOR_CHOICES) : [], more: matches.length > AUDIT_ACTOR_CHOICES };
}

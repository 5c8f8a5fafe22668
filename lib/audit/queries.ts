import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pageArgs, parsePage, toPage } from '@/lib/pagination';

export const AUDIT_RECORD_TYPES = ['Team', 'User', 'Role', 'RoleVersion', 'Concern', 'ExpectationCheck', 'Activity', 'RoleTemplate'] as const;

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Filters from the audit page's query string; anything malformed is ignored rather than trusted. */
export const auditFilterSchema = z.object({
  actorId: z.string().uuid().optional().catch(undefined),
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

export async function listAuditEvents(filter: AuditFilter) {
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
    db.auditEvent.count({ where }),
  ]);
  return toPage(items, total, filter.page);
}

/** Everyone who has ever acted, including disabled people, for the audit filter. */
export async function listAuditActors() {
  return db.user.findMany({ where: { auditEvents: { some: {} } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

import { Prisma } from '@/lib/generated/prisma/client';
import { db, lockKey, type Tx } from '@/lib/db';
import { CHECK_IN_QUESTIONS, checkInFigures, checkInThreshold, nextQuarter, previousQuarter, quarterOf, quarterStart, quartersBetween, type CheckInQuestion, type CheckInRow, type Figure, type QuarterFigures } from '@/lib/supervision/rules';

/*
 * Check-in figures kept per ended quarter (issue 12 §4; issue 13 §7: fast at a
 * trust's size). Only ended quarters are shown: a quarter in progress moves
 * with every answer, so reading it before and after one person checks in would
 * give their answers away. An ended quarter's answers no longer change, so its
 * figures are worked out once, by the `supervision.figures` job each night
 * (lib/jobs/schedules.ts), and stored without any count of people; again for
 * every quarter when the organisation changes its threshold (in the same
 * transaction as the change). Pages read the stored figures, never the
 * answers, except for a viewer who answered in a quarter themselves
 * (lib/supervision/queries.ts getCheckInFigures).
 */

/** A figure as stored and as pages show it: the averages, or why they are withheld. Never how many answered. */
export type ShownFigure = { shown: true; averages: Record<CheckInQuestion, number> } | { shown: false; reason: 'TOO_FEW' | 'WOULD_REVEAL' };

export function shownFigure(figure: Figure): ShownFigure {
  return figure.shown ? { shown: true, averages: figure.averages } : { shown: false, reason: figure.reason };
}

/** A stored figure read back; anything else (which only a hand edit could make) shows as withheld. */
export function storedFigure(value: Prisma.JsonValue): ShownFigure {
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  if (object.shown === true && typeof object.averages === 'object' && object.averages !== null && !Array.isArray(object.averages)) {
    const averages = object.averages;
    if (CHECK_IN_QUESTIONS.every((question) => typeof averages[question] === 'number')) {
      return { shown: true, averages: Object.fromEntries(CHECK_IN_QUESTIONS.map((question) => [question, averages[question] as number])) as Record<CheckInQuestion, number> };
    }
  }
  return { shown: false, reason: object.reason === 'WOULD_REVEAL' ? 'WOULD_REVEAL' : 'TOO_FEW' };
}

export const TOO_FEW: ShownFigure = { shown: false, reason: 'TOO_FEW' };

/** A figure shown to everyone else, withheld from this viewer when it would not be shown counting only the other peer workers. */
export const figureAsSeen = (figure: ShownFigure, theirs: Figure | undefined): ShownFigure => (figure.shown && theirs && !theirs.shown ? shownFigure(theirs) : figure);

/**
 * For the shown quarters this person answered in themselves, the figures
 * worked out again counting only the other peer workers: one more query, and
 * only then.
 */
export async function figuresCountingOthers(client: Tx, userId: string, answeredIn: readonly string[], shown: readonly string[], minimum: number): Promise<Map<string, QuarterFigures>> {
  const shownQuarters = new Set(shown);
  const ownQuarters = [...new Set(answeredIn)].filter((quarter) => shownQuarters.has(quarter)).sort();
  const forViewer = new Map<string, QuarterFigures>();
  if (ownQuarters.length === 0) return forViewer;
  const rows = await checkInRowsBetween(client, quarterStart(ownQuarters[0]), quarterStart(nextQuarter(ownQuarters.at(-1)!)));
  const own = new Set(ownQuarters);
  for (const quarter of checkInFigures(rows.filter((row) => own.has(quarterOf(row.answeredAt))), minimum, userId)) forViewer.set(quarter.quarter, quarter);
  return forViewer;
}

/** The organisation's threshold for check-in figures: never below the shared minimum. */
export async function figuresThreshold(client: Tx = db) {
  const settings = await client.supervisionSettings.findUnique({ where: { id: 1 }, select: { smallNumbersThreshold: true, version: true } });
  return { threshold: checkInThreshold(settings?.smallNumbersThreshold), version: settings?.version ?? 0, setting: settings?.smallNumbersThreshold ?? null };
}

/** Every check-in answered from `from` up to (not including) `to`, one row each: for working figures out, never for a page. */
export async function checkInRowsBetween(client: Tx, from: Date, to: Date): Promise<CheckInRow[]> {
  const rows = await client.$queryRaw<Array<{ peerWorkerId: string; teamId: string; answeredAt: Date } & Record<CheckInQuestion, number>>>`
    SELECT "peerWorkerId"::text AS "peerWorkerId", "teamId"::text AS "teamId", "answeredAt", "supported", "clearRole", "equalMember", "experienceValued", "practiseAsPeer"
    FROM "CheckIn" WHERE "answeredAt" >= ${from} AND "answeredAt" < ${to}`;
  return rows.map((row) => ({
    peerWorkerId: row.peerWorkerId,
    teamId: row.teamId,
    answeredAt: row.answeredAt,
    answers: Object.fromEntries(CHECK_IN_QUESTIONS.map((question) => [question, Number(row[question])])) as Record<CheckInQuestion, number>,
  }));
}

export interface FiguresRefresh {
  /** The quarters worked out (again) by this run, oldest first. */
  workedOut: string[];
  threshold: number;
}

async function refreshIn(tx: Tx, now: Date, force: boolean): Promise<FiguresRefresh> {
  // One run at a time: the nightly job and a threshold change never write the same quarter at once.
  await lockKey(tx, 'checkin-figures');
  const { threshold } = await figuresThreshold(tx);
  const current = quarterOf(now);
  const currentStart = quarterStart(current);
  const [earliest] = await tx.checkIn.findMany({ where: { answeredAt: { lt: currentStart } }, orderBy: { answeredAt: 'asc' }, take: 1, select: { answeredAt: true } });
  if (!earliest) {
    // No answers from before this quarter: nothing can have been worked out from them.
    await tx.checkInQuarter.deleteMany({});
    return { workedOut: [], threshold };
  }
  // Every ended quarter from the first check-in on, those with no answers too (their figures are "fewer than").
  const ended = quartersBetween(quarterOf(earliest.answeredAt), previousQuarter(current));
  const stored = new Map((await tx.checkInQuarter.findMany({ select: { quarter: true, threshold: true } })).map((row) => [row.quarter, row.threshold]));
  const toDo = ended.filter((quarter) => force || stored.get(quarter) !== threshold);
  if (toDo.length === 0) return { workedOut: [], threshold };
  const rows = await checkInRowsBetween(tx, quarterStart(toDo[0]), currentStart);
  const figures = new Map(checkInFigures(rows, threshold).map((quarter) => [quarter.quarter, quarter]));
  const computedAt = new Date();
  await tx.checkInQuarter.deleteMany({ where: { quarter: { in: toDo } } });
  await tx.checkInQuarter.createMany({
    data: toDo.map((quarter) => ({ quarter, threshold, computedAt, organisation: shownFigure(figures.get(quarter)?.organisation ?? { shown: false, reason: 'TOO_FEW' }) })),
  });
  await tx.checkInTeamFigure.createMany({
    data: toDo.flatMap((quarter) => [...(figures.get(quarter)?.teams ?? new Map<string, Figure>())].map(([teamId, figure]) => ({ quarter, teamId, figure: shownFigure(figure) }))),
  });
  return { workedOut: toDo, threshold };
}

/**
 * Works out the figures of every ended quarter not yet worked out under the
 * current threshold (every ended quarter with `force`), in one transaction:
 * the job's own, or the caller's (a threshold change).
 */
export async function refreshCheckInFigures({ tx, now = new Date(), force = false }: { tx?: Tx; now?: Date; force?: boolean } = {}): Promise<FiguresRefresh> {
  if (tx) return refreshIn(tx, now, force);
  return db.$transaction((inner) => refreshIn(inner, now, force), { timeout: 120_000 });
}

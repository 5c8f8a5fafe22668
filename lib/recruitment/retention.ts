import { recordAudit } from '@/lib/audit/gate';
import { db, type Tx } from '@/lib/db';
import { pageArgs, toPage } from '@/lib/pagination';
import { can, type PermissionSubject } from '@/lib/permissions';
import { recruitmentRules } from '@/lib/recruitment/settings';

/*
 * The retention rule (issue 10, part 7): a candidate's personal data is kept
 * until Candidate.retainUntil (set when the vacancy is decided: the
 * organisation's retentionMonths after the decision), then erased by the
 * nightly recruitment.purge job (lib/jobs/schedules.ts) or
 * `npm run purge:candidates`. What goes: name, contact details, adjustments,
 * every free text written about or by them (answers, evidence, moderation and
 * conflict notes, shortlisting reason, decision rationale and justification).
 * What stays, anonymised, for statistics: "Candidate 7", the scores, the stage
 * reached, the outcome, the guaranteed-interview flag, and the vacancy (with how
 * candidates were reached). Nothing can write personal data back afterwards: a
 * decided vacancy's candidates take no answers, scores, notes or decisions, and
 * actions refuse a purged candidate (lib/recruitment/records.ts requireNotPurged).
 */

/** Candidates purged per transaction: a trust's backlog never holds one huge transaction or its locks. */
/** What a correction's reason becomes once purged: the only change the database allows to it (migration 20261206021500). */
export const PURGED_REASON = '(deleted under the retention rule)';

export const PURGE_BATCH_SIZE = 200;

export const PURGE_AUDIT_ACTION = 'recruitment.candidates.purge';

type Client = typeof db;

const plural = (count: number) => `${count} candidate${count === 1 ? '' : 's'}`;

/**
 * Erases one batch of due candidates, oldest due first. Rows another purge is
 * working on are skipped (SKIP LOCKED), so two runs at once share the work
 * instead of waiting for each other, and each candidate is purged once.
 * Returns how many this batch purged.
 */
async function purgeBatch(tx: Tx, now: Date, batchSize: number): Promise<number> {
  const due = await tx.$queryRaw<Array<{ id: string; vacancyId: string }>>`
    SELECT id::text AS id, "vacancyId"::text AS "vacancyId" FROM "Candidate"
    WHERE "retainUntil" <= ${now}::timestamp AND "purgedAt" IS NULL
    ORDER BY "retainUntil", id
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);

  // The answer rows stay with their text erased (rather than deleted): the text is the personal part, and how
  // many answers HR marked identifying stays countable.
  await tx.applicationAnswer.updateMany({ where: { candidateId: { in: ids }, text: { not: null } }, data: { text: null } });
  // Submitted scores cannot change (the Score_keep_submitted trigger) except that their evidence may be erased and a
  // correction's reason replaced by a fixed placeholder (every correction must keep a reason).
  await tx.score.updateMany({ where: { sheet: { candidateId: { in: ids } }, evidence: { not: null } }, data: { evidence: null } });
  await tx.score.updateMany({ where: { sheet: { candidateId: { in: ids } }, reason: { not: null, notIn: [PURGED_REASON] } }, data: { reason: PURGED_REASON } });
  await tx.moderationNote.updateMany({ where: { candidateId: { in: ids }, text: { not: null } }, data: { text: null } });
  await tx.conflictDeclaration.updateMany({ where: { candidateId: { in: ids }, note: { not: null } }, data: { note: null } });
  await tx.candidate.updateMany({
    where: { id: { in: ids } },
    data: {
      name: null,
      email: null,
      phone: null,
      adjustments: null,
      shortlistReason: null,
      rationale: null,
      essentialJustification: null,
      purgedAt: now,
      // A form opened before the purge reports a conflict instead of writing over it.
      version: { increment: 1 },
    },
  });

  // One audit event per vacancy in the batch, naming how many and never who.
  const perVacancy = new Map<string, number>();
  for (const row of due) perVacancy.set(row.vacancyId, (perVacancy.get(row.vacancyId) ?? 0) + 1);
  const vacancies = await tx.vacancy.findMany({ where: { id: { in: [...perVacancy.keys()] } }, orderBy: { id: 'asc' }, select: { id: true, title: true } });
  for (const vacancy of vacancies) {
    await recordAudit(tx, null, {
      action: PURGE_AUDIT_ACTION,
      recordType: 'Vacancy',
      recordId: vacancy.id,
      summary: `Deleted the personal data of ${plural(perVacancy.get(vacancy.id) ?? 0)} for "${vacancy.title}" under the retention rule`,
    });
  }
  return ids.length;
}

/**
 * Purges every candidate whose retention date has passed (retainUntil <= now)
 * and who is not purged yet, PURGE_BATCH_SIZE per transaction. Safe to run
 * again, or twice at once: a purged candidate is never due again.
 */
export async function purgeExpiredCandidates(client: Client = db, now: Date = new Date(), { batchSize = PURGE_BATCH_SIZE }: { batchSize?: number } = {}): Promise<{ purged: number }> {
  let purged = 0;
  for (;;) {
    const batch = await client.$transaction((tx) => purgeBatch(tx, now, batchSize));
    purged += batch;
    // A short batch means nothing else is due (or what is left is another run's, locked).
    if (batch < batchSize) return { purged };
  }
}

export interface UpcomingPurge {
  candidateId: string;
  number: number;
  retainUntil: Date;
  vacancyId: string;
  vacancyTitle: string;
  teamName: string;
}

/** Candidates whose personal data is still kept and has a deletion date, soonest first, with how many there are. */
export async function upcomingPurges(client: Client | Tx = db, { take, skip = 0 }: { take: number; skip?: number }): Promise<{ items: UpcomingPurge[]; total: number }> {
  const where = { purgedAt: null, retainUntil: { not: null } };
  const [rows, total] = await Promise.all([
    client.candidate.findMany({
      where,
      orderBy: [{ retainUntil: 'asc' }, { vacancyId: 'asc' }, { number: 'asc' }],
      take,
      skip,
      select: { id: true, number: true, retainUntil: true, vacancy: { select: { id: true, title: true, team: { select: { name: true } } } } },
    }),
    client.candidate.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({
      candidateId: row.id,
      number: row.number,
      retainUntil: row.retainUntil!,
      vacancyId: row.vacancy.id,
      vacancyTitle: row.vacancy.title,
      teamName: row.vacancy.team.name,
    })),
    total,
  };
}

/**
 * HR's "Candidates' data due for deletion" page: the rule and one page of what
 * will be deleted when. Null for anyone else, administrators included (they set
 * the rule but see no candidate), and nothing is read for them.
 */
export async function retentionOverview(user: PermissionSubject | null, page: number, now: Date = new Date()) {
  if (!can(user, 'recruitment.vacancy.manage')) return null;
  const [rules, purges] = await Promise.all([recruitmentRules(db), upcomingPurges(db, pageArgs(page))]);
  // Due: the date has passed and the next nightly run deletes it.
  const items = purges.items.map((purge) => ({ ...purge, due: purge.retainUntil <= now }));
  return { retentionMonths: rules.retentionMonths, purges: toPage(items, purges.total, page) };
}

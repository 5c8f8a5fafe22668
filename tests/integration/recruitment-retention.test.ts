// The retention rule (issue 10, part 7) on real PostgreSQL: once a candidate's
// retention date passes, the purge leaves none of their personal data anywhere
// in the database (every column of every table is searched for their name,
// email and phone), keeps the anonymised statistics, leaves candidates not yet
// due alone, is safe to run again, runs as the nightly job, and shows HR what
// will go when. The main case goes through the real actions, so the audit log
// and the notifications they write are searched too.
import { loadActiveUser } from '@/lib/auth/load';
import { db } from '@/lib/db';
import { HANDLERS } from '@/lib/jobs/handlers';
import { QUEUES, RECRUITMENT_PURGE_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { decideCandidate } from '@/lib/recruitment/decision-actions';
import { addModerationNote } from '@/lib/recruitment/panel-actions';
import { PURGE_AUDIT_ACTION, purgeExpiredCandidates, retentionOverview, upcomingPurges } from '@/lib/recruitment/retention';
import { addCandidate, moveVacancy, shortlistCandidate } from '@/lib/recruitment/vacancy-actions';
import { addPanelMember, agreedRole, buildWorld, createCandidate, createSpecification, createUser, createVacancy, scoreCandidate, type World } from '../factories';
import { signInAs } from '../support/session';

const DAY = 24 * 60 * 60 * 1000;
/** Every purge in this file runs at most a year ahead; candidates "not yet due" are kept until ten years ahead. */
const FAR_FUTURE = () => new Date(Date.now() + 10 * 365 * DAY);

const ZEBEDEE = { name: 'Zebedee Quartermaine-Vossberg', email: 'zebedee.qv@example.test', phone: '07700 900461' };
const TAMSIN = { name: 'Tamsin Tregarthen', email: 'tamsin.tregarthen@example.test' };
/** What must be nowhere after the purge: fragments of the two candidates' names, emails and phone. */
const NEEDLES = ['zebedee', 'quartermaine', 'vossberg', 'zebedee.qv@example.test', '900461', 'tregarthen'];

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Every column of every table in the test database (the app's tables and any
 * other schema, such as the job queue's) where a needle appears, as
 * "Table.column". Each column is cast to text, whatever its type.
 */
async function columnsContaining(needles: readonly string[]): Promise<string[]> {
  const columns = await db.$queryRaw<Array<{ schema: string; table: string; column: string }>>`
    SELECT c.table_schema::text AS schema, c.table_name::text AS table, c.column_name::text AS column
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2, c.ordinal_position`;
  expect(columns.length).toBeGreaterThan(100);
  const patterns = needles.map((needle) => `%${needle}%`);
  const hits: string[] = [];
  for (const { schema, table, column } of columns) {
    const [row] = await db.$queryRawUnsafe<Array<{ found: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM ${quoted(schema)}.${quoted(table)} WHERE ${quoted(column)}::text ILIKE ANY ($1::text[])) AS found`,
      patterns,
    );
    if (row.found) hits.push(`${schema === 'public' ? '' : `${schema}.`}${table}.${column}`);
  }
  return hits.sort();
}

async function versionOf(vacancyId: string): Promise<number> {
  return (await db.vacancy.findUniqueOrThrow({ where: { id: vacancyId }, select: { version: true } })).version;
}

async function move(vacancyId: string) {
  expect(await moveVacancy(null, { vacancyId, version: await versionOf(vacancyId) })).toMatchObject({ ok: true });
}

/** A decided vacancy of this world's team whose candidates are kept until `retainUntil`, built straight in the database. */
async function decidedVacancy(world: World, retainUntil: Date, candidates: number, options: { title?: string } = {}) {
  const { version } = await agreedRole(world);
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'DECIDED', decidedAt: new Date(), title: options.title ?? `Peer Support Worker ${world.suffix}` });
  const made = [];
  for (let index = 0; index < candidates; index += 1) {
    const candidate = await createCandidate(vacancy, world.hr, { adjustments: 'A quiet room to wait in' });
    await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'NOT_INVITED', retainUntil } });
    made.push(candidate);
  }
  return { vacancy, specification, candidates: made };
}

describe('the purge of a candidate past their retention date', () => {
  it('leaves none of their personal data anywhere in the database, and keeps the statistics', async () => {
    const world = await buildWorld();
    const { version } = await agreedRole(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
    const [livedExperience, values, records] = specification.criteria;
    const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'OPEN', reach: 'DIRECT_APPROACH', title: `Peer Support Worker ${world.suffix}` });
    await addPanelMember(vacancy, world.hr, { role: 'CHAIR' });
    await addPanelMember(vacancy, world.peerWorker);
    await addPanelMember(vacancy, world.staff);

    // HR records the applications: names, contacts, adjustments and answers that mention the candidate by name.
    signInAs(world.hr);
    const added = await addCandidate(null, {
      vacancyId: vacancy.id,
      ...ZEBEDEE,
      adjustments: 'Zebedee would like the questions in advance and a quiet room',
      guaranteedInterview: true,
      answers: { [livedExperience.id]: 'As Zebedee Quartermaine-Vossberg I used the crisis team in 2019', [records.id]: 'Zebedee kept the rota for a hearing voices group' },
      identifying: [livedExperience.id],
    });
    expect(added).toMatchObject({ ok: true });
    const zebedeeId = (added as { data: { candidateId: string } }).data.candidateId;
    const second = await addCandidate(null, { vacancyId: vacancy.id, ...TAMSIN, answers: { [livedExperience.id]: 'Tamsin Tregarthen: my own recovery' }, identifying: [] });
    expect(second).toMatchObject({ ok: true });
    const tamsinId = (second as { data: { candidateId: string } }).data.candidateId;
    // A panel member knows Zebedee: they do not score them, and say why.
    await db.conflictDeclaration.create({ data: { vacancyId: vacancy.id, candidateId: zebedeeId, userId: world.staff.id, kind: 'KNOWS_THEM', note: 'I supported Zebedee at the day centre' } });

    await move(vacancy.id); // to shortlisting
    for (const member of [world.hr, world.peerWorker]) {
      await scoreCandidate({ id: zebedeeId }, member, 'SHORTLISTING', { [livedExperience.id]: 3, [records.id]: 2 }, { evidence: 'Zebedee gave a vivid example' });
    }
    for (const member of [world.hr, world.peerWorker, world.staff]) {
      await scoreCandidate({ id: tamsinId }, member, 'SHORTLISTING', { [livedExperience.id]: 1, [records.id]: 1 }, { evidence: 'Tregarthen said little about it' });
    }
    expect(await addModerationNote(null, { candidateId: zebedeeId, stage: 'SHORTLISTING', criterionId: livedExperience.id, text: 'We agreed Zebedee showed real insight' })).toMatchObject({ ok: true });
    expect(await shortlistCandidate(null, { candidateId: zebedeeId, outcome: 'INVITED', reason: '' })).toMatchObject({ ok: true });
    expect(await shortlistCandidate(null, { candidateId: tamsinId, outcome: 'NOT_INVITED', reason: 'Tregarthen gave no example of using her experience' })).toMatchObject({ ok: true });

    await move(vacancy.id); // to interview
    for (const member of [world.hr, world.peerWorker]) {
      await scoreCandidate({ id: zebedeeId }, member, 'INTERVIEW', { [livedExperience.id]: 3, [values.id]: 4 }, { evidence: 'Zebedee Quartermaine-Vossberg spoke about hope' });
    }
    // A correction's reason talks about the candidate too.
    const corrected = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: zebedeeId, stage: 'INTERVIEW', userId: world.peerWorker.id }, criterionId: values.id } });
    await db.score.create({ data: { sheetId: corrected.sheetId, criterionId: values.id, score: 3, correctsId: corrected.id, reason: 'I misread what Zebedee said about hope' } });
    const { version: candidateVersion } = await db.candidate.findUniqueOrThrow({ where: { id: zebedeeId }, select: { version: true } });
    expect(await decideCandidate(null, { candidateId: zebedeeId, version: candidateVersion, outcome: 'RESERVE', rationale: 'Zebedee scored well; the appointed candidate scored higher on values' })).toMatchObject({
      ok: true,
    });
    await move(vacancy.id); // decided: the retention date is set

    // Before the purge the search finds them, and only where personal data belongs: never in the audit log, a notification or a job.
    expect(await columnsContaining(NEEDLES)).toEqual(
      [
        'ApplicationAnswer.text',
        'Candidate.adjustments',
        'Candidate.email',
        'Candidate.name',
        'Candidate.phone',
        'Candidate.rationale',
        'Candidate.shortlistReason',
        'ConflictDeclaration.note',
        'ModerationNote.text',
        'Score.evidence',
        'Score.reason',
      ].sort(),
    );
    expect(await db.auditEvent.count({ where: { recordId: { in: [vacancy.id, zebedeeId, tamsinId] } } })).toBeGreaterThanOrEqual(6);
    expect(await db.notification.count({ where: { title: vacancy.title } })).toBeGreaterThan(0);

    const scoresBefore = await db.score.findMany({ where: { sheet: { candidateId: { in: [zebedeeId, tamsinId] } } }, orderBy: { id: 'asc' }, select: { id: true, sheetId: true, criterionId: true, score: true } });
    const { retainUntil } = await db.candidate.findUniqueOrThrow({ where: { id: zebedeeId }, select: { retainUntil: true } });
    expect(retainUntil).not.toBeNull();
    expect(retainUntil!.getTime()).toBeGreaterThan(Date.now() + 150 * DAY); // six months after the decision, by default
    // The day before, nothing happens to them.
    await purgeExpiredCandidates(db, new Date(retainUntil!.getTime() - DAY));
    expect(await db.candidate.count({ where: { id: { in: [zebedeeId, tamsinId] }, purgedAt: null, name: { not: null } } })).toBe(2);

    const purgedAt = new Date(retainUntil!.getTime() + 60_000);
    const result = await purgeExpiredCandidates(db, purgedAt);
    expect(result.purged).toBeGreaterThanOrEqual(2);

    expect(await columnsContaining(NEEDLES)).toEqual([]);

    // The anonymised record: number, flags, stage reached, outcome, every score, how candidates were reached.
    const zebedee = await db.candidate.findUniqueOrThrow({ where: { id: zebedeeId } });
    expect(zebedee).toMatchObject({
      number: 1,
      name: null,
      email: null,
      phone: null,
      adjustments: null,
      shortlistReason: null,
      rationale: null,
      essentialJustification: null,
      guaranteedInterview: true,
      shortlistOutcome: 'INVITED',
      outcome: 'RESERVE',
      decidedById: world.hr.id,
      purgedAt,
    });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: tamsinId }, select: { number: true, shortlistOutcome: true, outcome: true, purgedAt: true } })).toEqual({ number: 2, shortlistOutcome: 'NOT_INVITED', outcome: null, purgedAt });
    expect(await db.score.findMany({ where: { sheet: { candidateId: { in: [zebedeeId, tamsinId] } } }, orderBy: { id: 'asc' }, select: { id: true, sheetId: true, criterionId: true, score: true } })).toEqual(scoresBefore);
    expect(scoresBefore).toHaveLength(2 * 2 + 3 * 2 + 2 * 2 + 1); // and the correction
    expect(await db.scoreSheet.count({ where: { candidateId: zebedeeId, submittedAt: { not: null } } })).toBe(4);
    expect(await db.applicationAnswer.findMany({ where: { candidateId: zebedeeId }, select: { text: true, identifying: true }, orderBy: { identifying: 'desc' } })).toEqual([
      { text: null, identifying: true },
      { text: null, identifying: false },
    ]);
    expect(await db.conflictDeclaration.findMany({ where: { candidateId: zebedeeId }, select: { userId: true, kind: true, note: true } })).toEqual([{ userId: world.staff.id, kind: 'KNOWS_THEM', note: null }]);
    expect(await db.moderationNote.findMany({ where: { candidateId: zebedeeId }, select: { stage: true, criterionId: true, text: true } })).toEqual([{ stage: 'SHORTLISTING', criterionId: livedExperience.id, text: null }]);
    expect(await db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id }, select: { reach: true, status: true } })).toEqual({ reach: 'DIRECT_APPROACH', status: 'DECIDED' });

    // The audit log says how many, for which vacancy, by no one: never who.
    const events = await db.auditEvent.findMany({ where: { action: PURGE_AUDIT_ACTION, recordId: vacancy.id }, select: { actorId: true, recordType: true, summary: true } });
    expect(events).toEqual([{ actorId: null, recordType: 'Vacancy', summary: `Deleted the personal data of 2 candidates for "${vacancy.title}" under the retention rule` }]);
  });

  it('keeps an appointment and the account of the person appointed, and erases the justification for an unmet essential criterion', async () => {
    const world = await buildWorld();
    const due = new Date(Date.now() - DAY);
    const { vacancy, candidates } = await decidedVacancy(world, due, 1);
    const [candidate] = candidates;
    const colleague = await createUser({ name: `Newly Appointed ${world.suffix}` });
    await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Strong values', essentialJustification: 'Training will cover the gap' } });
    const appointment = await db.appointment.create({
      data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: colleague.id, teamId: world.thisTeam.id, roleVersionId: vacancy.roleVersionId, createdById: world.hr.id },
      select: { id: true },
    });

    await purgeExpiredCandidates(db, new Date());

    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { outcome: true, rationale: true, essentialJustification: true, name: true, adjustments: true } })).toEqual({
      outcome: 'APPOINTED',
      rationale: null,
      essentialJustification: null,
      name: null,
      adjustments: null,
    });
    expect(await db.appointment.findUnique({ where: { id: appointment.id }, select: { userId: true, candidateId: true } })).toEqual({ userId: colleague.id, candidateId: candidate.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: colleague.id }, select: { name: true } })).toEqual({ name: colleague.name });
  });

  it('leaves candidates whose date has not come, and those of undecided vacancies, untouched', async () => {
    const world = await buildWorld();
    const later = FAR_FUTURE();
    const { candidates: waiting } = await decidedVacancy(world, later, 1);
    const { version } = await agreedRole(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
    const open = await createVacancy({ specification, createdBy: world.hr, status: 'SHORTLISTING' });
    const undecided = await createCandidate(open, world.hr, { adjustments: 'Large print' });
    const sheet = await scoreCandidate(undecided, world.hr, 'SHORTLISTING', { [specification.criteria[0].id]: 2 }, { evidence: 'Clear example' });

    await purgeExpiredCandidates(db, new Date(Date.now() + 365 * DAY));

    for (const candidate of [waiting[0], undecided]) {
      expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { name: true, email: true, phone: true, adjustments: true, purgedAt: true, version: true } })).toEqual({
        name: candidate.name,
        email: candidate.email,
        phone: '07700 900123',
        adjustments: candidate.id === undecided.id ? 'Large print' : 'A quiet room to wait in',
        purgedAt: null,
        version: candidate.version,
      });
      expect(await db.applicationAnswer.count({ where: { candidateId: candidate.id, text: null } })).toBe(0);
    }
    expect(await db.score.findMany({ where: { sheetId: sheet.id }, select: { evidence: true } })).toEqual([{ evidence: 'Clear example' }]);
  });

  it('is safe to run again: the second run purges nothing and fails on nothing', async () => {
    const world = await buildWorld();
    const due = new Date(Date.now() - 2 * DAY);
    const { vacancy, candidates } = await decidedVacancy(world, due, 3);
    const now = new Date();

    const first = await purgeExpiredCandidates(db, now);
    expect(first.purged).toBeGreaterThanOrEqual(3);
    const after = await db.candidate.findMany({ where: { vacancyId: vacancy.id }, orderBy: { number: 'asc' }, select: { purgedAt: true, version: true } });
    expect(after.every((candidate) => candidate.purgedAt?.getTime() === now.getTime())).toBe(true);

    await expect(purgeExpiredCandidates(db, now)).resolves.toEqual({ purged: 0 });
    await expect(purgeExpiredCandidates(db, new Date(now.getTime() + DAY))).resolves.toEqual({ purged: 0 });
    // The first purge's date stands and nothing changed again; one audit event, from the first run.
    expect(await db.candidate.findMany({ where: { vacancyId: vacancy.id }, orderBy: { number: 'asc' }, select: { purgedAt: true, version: true } })).toEqual(after);
    expect(after.map((candidate) => candidate.version)).toEqual(candidates.map((candidate) => candidate.version + 1));
    expect(await db.auditEvent.count({ where: { action: PURGE_AUDIT_ACTION, recordId: vacancy.id } })).toBe(1);
  });

  it('works through a backlog in batches, one audit event per vacancy in each batch, and two runs at once purge each candidate once', async () => {
    const world = await buildWorld();
    const now = new Date();
    const first = await decidedVacancy(world, new Date(now.getTime() - 30 * DAY), 5, { title: `First vacancy ${world.suffix}` });
    const second = await decidedVacancy(world, new Date(now.getTime() - 20 * DAY), 2, { title: `Second vacancy ${world.suffix}` });

    const runs = await Promise.all([purgeExpiredCandidates(db, now, { batchSize: 2 }), purgeExpiredCandidates(db, now, { batchSize: 2 })]);
    expect(runs[0].purged + runs[1].purged).toBeGreaterThanOrEqual(7);
    expect(await db.candidate.count({ where: { vacancyId: { in: [first.vacancy.id, second.vacancy.id] }, purgedAt: null } })).toBe(0);

    for (const [{ vacancy }, count] of [
      [first, 5],
      [second, 2],
    ] as const) {
      const events = await db.auditEvent.findMany({ where: { action: PURGE_AUDIT_ACTION, recordId: vacancy.id }, select: { summary: true, actorId: true } });
      const counted = events.map((event) => Number(/of (\d+) candidates? for/u.exec(event.summary)?.[1]));
      // Every candidate counted exactly once, in batches of at most two.
      expect(counted.reduce((sum, n) => sum + n, 0)).toBe(count);
      expect(Math.max(...counted)).toBeLessThanOrEqual(2);
      expect(events.every((event) => event.actorId === null && event.summary.includes(vacancy.title))).toBe(true);
    }
  });

  it('runs as the nightly recruitment.purge job', async () => {
    expect(QUEUES[RECRUITMENT_PURGE_QUEUE]).toMatchObject({ retryLimit: expect.any(Number) });
    expect(SCHEDULES.find((schedule) => schedule.queue === RECRUITMENT_PURGE_QUEUE)).toMatchObject({ cron: '15 4 * * *' });

    const world = await buildWorld();
    const { candidates } = await decidedVacancy(world, new Date(Date.now() - DAY), 1);
    const { candidates: later } = await decidedVacancy(world, FAR_FUTURE(), 1);

    const summary = (await HANDLERS[RECRUITMENT_PURGE_QUEUE](null)) as { purged: number };
    expect(summary.purged).toBeGreaterThanOrEqual(1);
    // What pg-boss keeps with the job is a count, nothing about anyone.
    expect(Object.keys(summary)).toEqual(['purged']);
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidates[0].id }, select: { name: true, purgedAt: true } })).toEqual({ name: null, purgedAt: expect.any(Date) });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: later[0].id }, select: { purgedAt: true } })).toEqual({ purgedAt: null });
  });
});

describe('what HR sees will be purged', () => {
  it('lists candidates not yet purged, soonest first, and leaves purged ones out', async () => {
    const world = await buildWorld();
    const base = FAR_FUTURE().getTime();
    const later = await decidedVacancy(world, new Date(base + 3 * DAY), 1, { title: `Later ${world.suffix}` });
    const sooner = await decidedVacancy(world, new Date(base + DAY), 2, { title: `Sooner ${world.suffix}` });
    const gone = await decidedVacancy(world, new Date(Date.now() - DAY), 1, { title: `Gone ${world.suffix}` });
    await purgeExpiredCandidates(db, new Date());

    const { items, total } = await upcomingPurges(db, { take: 10_000 });
    expect(total).toBe(items.length);
    const ours = items.filter((item) => item.vacancyTitle.endsWith(world.suffix));
    expect(ours.map((item) => [item.vacancyTitle, `Candidate ${item.number}`, item.teamName])).toEqual([
      [`Sooner ${world.suffix}`, 'Candidate 1', world.thisTeam.name],
      [`Sooner ${world.suffix}`, 'Candidate 2', world.thisTeam.name],
      [`Later ${world.suffix}`, 'Candidate 1', world.thisTeam.name],
    ]);
    expect(ours[0]).toMatchObject({ vacancyId: sooner.vacancy.id, candidateId: sooner.candidates[0].id, retainUntil: new Date(base + DAY) });
    expect(ours[2]).toMatchObject({ vacancyId: later.vacancy.id, retainUntil: new Date(base + 3 * DAY) });
    expect(items.some((item) => item.vacancyId === gone.vacancy.id)).toBe(false);
    // Soonest first across everything listed, and pages follow on.
    const dates = items.map((item) => item.retainUntil.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const page = await upcomingPurges(db, { take: 1, skip: 1 });
    expect(page.total).toBe(total);
    expect(page.items.map((item) => item.candidateId)).toEqual([items[1].candidateId]);
  });

  it('shows the page to HR with the rule, and to no one else: not administrators, not managers', async () => {
    const world = await buildWorld();
    const { vacancy: waiting } = await decidedVacancy(world, FAR_FUTURE(), 1);
    // Past its date, not yet reached by the nightly run: shown as due.
    const { vacancy: overdue } = await decidedVacancy(world, new Date(Date.now() - DAY), 1);
    const hr = await retentionOverview(await loadActiveUser(world.hr.id), 1);
    expect(hr).toMatchObject({ retentionMonths: 6, purges: { page: 1 } });
    expect(hr!.purges.items.find((item) => item.vacancyId === overdue.id)).toMatchObject({ due: true });
    expect(hr!.purges.items.find((item) => item.vacancyId === waiting.id)).toMatchObject({ due: false });

    for (const person of [world.admin, world.managerOfThisTeam, world.staff, world.peerWorker, world.serviceUserRep]) {
      expect(await retentionOverview(await loadActiveUser(person.id), 1)).toBeNull();
    }
    expect(await retentionOverview(null, 1)).toBeNull();
  });
});

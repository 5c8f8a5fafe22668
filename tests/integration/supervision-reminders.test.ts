// The weekday job that reminds people of overdue supervision (issue 12), on real
// PostgreSQL: for each current arrangement, the next session is due every N
// weeks after the latest one held (or from its start); once that has passed, its
// peer worker and supervisor are told, once each for all their overdue
// arrangements, and not again within a week. Ended arrangements and placements,
// and disabled accounts, are left out; one run at a time; the email names the
// type of supervision and the team, never a note.
import { db } from '@/lib/db';
import { SUPERVISION_OVERDUE_QUEUE } from '@/lib/jobs/queues';
import { HANDLERS } from '@/lib/jobs/handlers';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { deliverNotification } from '@/lib/notifications/delivery';
import { remindOverdueSupervision, SUPERVISION_REMINDER_DAYS } from '@/lib/supervision/notifications';
import { buildWorld, createArrangement, createSession, supervisedPeerWorker, type World } from '../factories';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The job's clock: now, then so many days later. Notifications are stamped with the real time, so tests move them to the job's time. */
const NOW = new Date();
const later = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY_MS + hours * 60 * 60 * 1000);
const TODAY = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()));
const day = (offset: number) => new Date(TODAY.getTime() + offset * DAY_MS);

const remindersTo = (userId: string) =>
  db.notification.findMany({ where: { recipientId: userId, kind: 'SUPERVISION_OVERDUE' }, orderBy: { createdAt: 'asc' }, select: { id: true, count: true, path: true, teamName: true, title: true, requestKey: true } });

const stamped = new Set<string>();
/** Stamps the reminders queued since the last stamp with the time the job ran. */
async function sentAt(at: Date) {
  const rows = await db.notification.findMany({ where: { kind: 'SUPERVISION_OVERDUE', id: { notIn: [...stamped] } }, select: { id: true } });
  await db.notification.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { createdAt: at } });
  for (const row of rows) stamped.add(row.id);
}

/**
 * The world's peer worker, supervised since 60 days ago: peer supervision every
 * 4 weeks, last held 40 days ago (due 12 days ago: overdue), and line
 * management every 6 weeks, last held 10 days ago (on time; an older session
 * does not count).
 */
async function overdueSupervision(world: World) {
  const supervised = await supervisedPeerWorker(world, { startsOn: day(-60) });
  await createSession(supervised.arrangements.peer, { heldOn: day(-40), cosignedAt: new Date() });
  await createSession(supervised.arrangements.lineManagement, { heldOn: day(-100) });
  await createSession(supervised.arrangements.lineManagement, { heldOn: day(-10) });
  return supervised;
}

beforeEach(async () => {
  // Each test judges its own world's supervision: end what earlier tests left running.
  await db.$executeRaw`UPDATE "Placement" SET "endedAt" = now() WHERE "endedAt" IS NULL`;
});

describe('overdue supervision', () => {
  it('reminds the peer worker and the supervisor once, and not again within a week', async () => {
    const world = await buildWorld();
    const { peerSupervisor, agreement } = await overdueSupervision(world);

    expect(await remindOverdueSupervision(NOW)).toEqual({ overdue: 1, reminded: 2 });
    const expected = { id: expect.any(String), count: 1, path: `/supervision/agreements/${agreement.id}`, teamName: world.thisTeam.name, title: 'peer supervision' };
    expect(await remindersTo(world.peerWorker.id)).toEqual([{ ...expected, requestKey: `overdue:${world.peerWorker.id}` }]);
    expect(await remindersTo(peerSupervisor.id)).toEqual([{ ...expected, requestKey: `overdue:${peerSupervisor.id}` }]);
    // Line management is on time.
    expect(await remindersTo(world.managerOfThisTeam.id)).toEqual([]);
    await sentAt(NOW);

    // The same day again (a retried job), and six days on: nothing.
    expect(await remindOverdueSupervision(later(0, 1))).toEqual({ overdue: 1, reminded: 0 });
    expect(await remindOverdueSupervision(later(SUPERVISION_REMINDER_DAYS - 1))).toEqual({ overdue: 1, reminded: 0 });
    // A week on, still overdue: both again.
    expect(await remindOverdueSupervision(later(SUPERVISION_REMINDER_DAYS))).toEqual({ overdue: 1, reminded: 2 });
    expect(await remindersTo(world.peerWorker.id)).toHaveLength(2);
  });

  it('stops once a session is recorded, and counts from the latest one', async () => {
    const world = await buildWorld();
    const { arrangements } = await overdueSupervision(world);
    await createSession(arrangements.peer, { heldOn: day(-2) });
    expect(await remindOverdueSupervision(NOW)).toEqual({ overdue: 0, reminded: 0 });
    // Due in 26 days: overdue 27 days from now.
    expect(await remindOverdueSupervision(later(26))).toEqual({ overdue: 0, reminded: 0 });
    expect(await remindOverdueSupervision(later(27))).toEqual({ overdue: 1, reminded: 2 });
  });

  it('is due from the arrangement’s start before any session, and due today is not overdue yet', async () => {
    const world = await buildWorld();
    const { agreement } = await supervisedPeerWorker(world, { startsOn: day(-1) });
    await createArrangement(agreement, world.staff, { type: 'CLINICAL', startsOn: TODAY });
    // Peer supervision and line management both started yesterday; clinical supervision is due today.
    expect(await remindOverdueSupervision(NOW)).toEqual({ overdue: 2, reminded: 3 });
    expect(await remindersTo(world.staff.id)).toEqual([]);
  });

  it('tells a person once for all their overdue arrangements, with how many', async () => {
    const world = await buildWorld();
    const { peerSupervisor } = await supervisedPeerWorker(world, { startsOn: day(-10) });

    expect(await remindOverdueSupervision(NOW)).toEqual({ overdue: 2, reminded: 3 });
    expect(await remindersTo(world.peerWorker.id)).toEqual([{ id: expect.any(String), count: 2, path: '/supervision', teamName: null, title: null, requestKey: `overdue:${world.peerWorker.id}` }]);
    expect((await remindersTo(peerSupervisor.id)).map((row) => [row.count, row.title])).toEqual([[1, 'peer supervision']]);
    expect((await remindersTo(world.managerOfThisTeam.id)).map((row) => [row.count, row.title])).toEqual([[1, 'line management']]);
  });

  it('leaves out ended arrangements, arrangements not started, ended placements and disabled accounts', async () => {
    const world = await buildWorld();
    const { arrangements, peerSupervisor, agreement } = await overdueSupervision(world);
    // Line management long overdue but ended; clinical supervision not started yet.
    await db.supervisionSession.deleteMany({ where: { arrangementId: arrangements.lineManagement.id } });
    await db.supervisionArrangement.update({ where: { id: arrangements.lineManagement.id }, data: { endedAt: new Date() } });
    await createArrangement(agreement, world.staff, { type: 'CLINICAL', startsOn: day(14) });
    // The supervisor's account is disabled: only the peer worker is told.
    await db.user.update({ where: { id: peerSupervisor.id }, data: { disabledAt: new Date() } });
    expect(await remindOverdueSupervision(NOW)).toEqual({ overdue: 1, reminded: 1 });
    expect(await remindersTo(world.peerWorker.id)).toHaveLength(1);
    expect(await remindersTo(world.managerOfThisTeam.id)).toEqual([]);
    expect(await remindersTo(world.staff.id)).toEqual([]);

    // The peer worker's account is disabled: nobody.
    await db.user.update({ where: { id: world.peerWorker.id }, data: { disabledAt: new Date() } });
    expect(await remindOverdueSupervision(later(SUPERVISION_REMINDER_DAYS * 2))).toEqual({ overdue: 0, reminded: 0 });

    // The placement has ended: nobody.
    await db.user.update({ where: { id: world.peerWorker.id }, data: { disabledAt: null } });
    await db.placement.update({ where: { id: agreement.placementId }, data: { endedAt: new Date() } });
    expect(await remindOverdueSupervision(later(SUPERVISION_REMINDER_DAYS * 3))).toEqual({ overdue: 0, reminded: 0 });
  });

  it('reminds once however many runs start together', async () => {
    const world = await buildWorld();
    const { peerSupervisor } = await overdueSupervision(world);
    const runs = await Promise.all([remindOverdueSupervision(NOW), remindOverdueSupervision(NOW), remindOverdueSupervision(NOW)]);
    expect(runs.map((run) => run.reminded).sort()).toEqual([0, 0, 2]);
    for (const person of [world.peerWorker, peerSupervisor]) expect(await remindersTo(person.id)).toHaveLength(1);
  });

  it('emails the type of supervision and the team, and nothing of the sessions', async () => {
    const world = await buildWorld();
    const { arrangements } = await overdueSupervision(world);
    await createSession(arrangements.peer, { heldOn: day(-45), notes: 'A private phrase about the crisis plan' });
    await remindOverdueSupervision(NOW);
    const [reminder] = await remindersTo(world.peerWorker.id);
    await db.notification.update({ where: { id: reminder.id }, data: { emailState: 'SENDING' } });
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await deliverNotification(reminder.id)).toBe('sent');
    } finally {
      if (saved !== undefined) process.env.SMTP_URL = saved;
    }
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: world.peerWorker.email } });
    expect(email.subject).toBe('Overdue: peer supervision');
    expect(email.text).toContain(`A peer supervision session in ${world.thisTeam.name} is past the date it was due.`);
    expect(`${email.text}${email.html}`).not.toMatch(/crisis plan|private phrase|We talked/u);
  });

  it('runs on working days in the morning, UK time', () => {
    expect(SCHEDULES.find((schedule) => schedule.queue === SUPERVISION_OVERDUE_QUEUE)).toMatchObject({ cron: '10 9 * * 1-5', tz: 'Europe/London' });
    expect(HANDLERS[SUPERVISION_OVERDUE_QUEUE]).toBeDefined();
  });
});

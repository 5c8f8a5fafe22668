// The weekday job that reminds people of overdue onboarding tasks (issue 11),
// on real PostgreSQL: one ONBOARDING_OVERDUE notification per person with how
// many they owe, not again within a week while they stay overdue, leaving out
// tasks done or removed and placements that have ended; one run at a time; the
// email says how many and nothing about the tasks.
import { db } from '@/lib/db';
import { ONBOARDING_OVERDUE_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { deliverNotification } from '@/lib/notifications/delivery';
import { OVERDUE_REMINDER_DAYS, remindOverdueTasks } from '@/lib/onboarding/notifications';
import { addDays } from '@/lib/onboarding/rules';
import { agreedRoleWithTerms, buildWorld, createPlacement, createTemplate, placedPeerWorker, type World } from '../factories';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The job's clock: now, then so many days later. Notifications are stamped with the real time, so tests move them to the job's time. */
const NOW = new Date();
const later = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY_MS + hours * 60 * 60 * 1000);
const TODAY = addDays(NOW, 0);

const remindersTo = (userId: string) => db.notification.findMany({ where: { recipientId: userId, kind: 'ONBOARDING_OVERDUE' }, orderBy: { createdAt: 'asc' }, select: { id: true, count: true, path: true, requestKey: true, emailState: true, teamName: true, title: true } });

const stamped = new Set<string>();
/** Stamps the reminders queued since the last stamp with the time the job ran. */
async function sentAt(at: Date) {
  const rows = await db.notification.findMany({ where: { kind: 'ONBOARDING_OVERDUE', id: { notIn: [...stamped] } }, select: { id: true } });
  await db.notification.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { createdAt: at } });
  for (const row of rows) stamped.add(row.id);
}

/**
 * The world's peer worker, placed 30 days ago with a small plan: every task is
 * overdue. The manager line-manages them (so owes the manager's and IT tasks),
 * HR owes the HR task, and the staff member (their peer supervisor) the
 * supervision task, moved to 3 days from now.
 */
async function overduePlacement(world: World) {
  const placed = await placedPeerWorker(world, { startDate: addDays(TODAY, -30), lineManager: world.managerOfThisTeam, peerSupervisor: world.staff, hr: world.hr });
  await db.onboardingTask.update({ where: { id: placed.tasks.SUPERVISOR.id }, data: { dueOn: addDays(TODAY, 3) } });
  // Due today is not overdue yet.
  await db.onboardingTask.create({ data: { planId: placed.placement.planId, section: 'INDUCTION', title: 'Due today', ownerRole: 'PEER_WORKER', ownerId: world.peerWorker.id, dueOn: TODAY } });
  return placed;
}

beforeEach(async () => {
  // Each test judges its own world's tasks: end what earlier tests left running.
  await db.$executeRaw`UPDATE "Placement" SET "endedAt" = now() WHERE "endedAt" IS NULL`;
});

describe('overdue onboarding tasks', () => {
  it('leave out people whose account is disabled', async () => {
    const world = await buildWorld();
    await overduePlacement(world);
    await db.user.update({ where: { id: world.hr.id }, data: { disabledAt: new Date() } });

    expect(await remindOverdueTasks(NOW)).toEqual({ reminded: 2 });
    expect(await remindersTo(world.hr.id)).toEqual([]);
    expect((await remindersTo(world.managerOfThisTeam.id)).map((row) => row.count)).toEqual([2]);
  });

  it('remind each person once with how many they owe, and not again within a week', async () => {
    const world = await buildWorld();
    await overduePlacement(world);

    expect(await remindOverdueTasks(NOW)).toEqual({ reminded: 3 });
    expect(await remindersTo(world.managerOfThisTeam.id)).toEqual([
      { id: expect.any(String), count: 2, path: '/', requestKey: `overdue:${world.managerOfThisTeam.id}`, emailState: 'QUEUED', teamName: null, title: null },
    ]);
    expect((await remindersTo(world.peerWorker.id)).map((row) => row.count)).toEqual([1]);
    expect((await remindersTo(world.hr.id)).map((row) => row.count)).toEqual([1]);
    // The staff member's task is not due yet.
    expect(await remindersTo(world.staff.id)).toEqual([]);
    await sentAt(NOW);

    // The same day again (a retried job): nothing.
    expect(await remindOverdueTasks(later(0, 1))).toEqual({ reminded: 0 });
    // Six days on, the staff member's task is overdue too: only they are told.
    expect(await remindOverdueTasks(later(OVERDUE_REMINDER_DAYS - 1))).toEqual({ reminded: 1 });
    expect((await remindersTo(world.staff.id)).map((row) => row.count)).toEqual([1]);
    await sentAt(later(OVERDUE_REMINDER_DAYS - 1));
    expect(await remindersTo(world.managerOfThisTeam.id)).toHaveLength(1);

    // A week on, the others again; the staff member, told a day ago, not.
    expect(await remindOverdueTasks(later(OVERDUE_REMINDER_DAYS))).toEqual({ reminded: 3 });
    expect((await remindersTo(world.managerOfThisTeam.id)).map((row) => row.count)).toEqual([2, 2]);
    expect(await remindersTo(world.staff.id)).toHaveLength(1);
  });

  it('leave out tasks completed or removed, tasks nobody owes, and placements that have ended', async () => {
    const world = await buildWorld();
    const { tasks } = await placedPeerWorker(world, { startDate: addDays(TODAY, -30), lineManager: world.managerOfThisTeam, hr: world.hr });
    await db.onboardingTask.update({ where: { id: tasks.PEER_WORKER.id }, data: { status: 'COMPLETED', completedAt: new Date(), completedById: world.peerWorker.id } });
    await db.onboardingTask.update({ where: { id: tasks.HR.id }, data: { removedAt: new Date(), removedById: world.managerOfThisTeam.id } });
    // Still owed, however it is going: in progress, or cannot start yet.
    await db.onboardingTask.update({ where: { id: tasks.MANAGER.id }, data: { status: 'CANNOT_START', cannotStartReason: 'The team away day moved' } });
    await db.onboardingTask.update({ where: { id: tasks.IT_ADMIN.id }, data: { status: 'IN_PROGRESS' } });
    // The staff member's own placement, long overdue but ended; its HR task has no owner.
    const { version } = await agreedRoleWithTerms(world, {});
    const template = await createTemplate({ tasks: [{ ownerRole: 'PEER_WORKER' }, { ownerRole: 'MANAGER' }, { ownerRole: 'HR' }] });
    const ended = await createPlacement(world.thisTeam, world.staff, version, world.managerOfThisTeam, { startDate: addDays(TODAY, -60), template });
    await db.placement.update({ where: { id: ended.id }, data: { endedAt: new Date() } });

    expect(await remindOverdueTasks(NOW)).toEqual({ reminded: 1 });
    // The manager's, IT and (with no peer supervisor) supervision tasks in the current placement only.
    expect((await remindersTo(world.managerOfThisTeam.id)).map((row) => row.count)).toEqual([3]);
    for (const person of [world.peerWorker, world.hr, world.staff]) expect(await remindersTo(person.id)).toEqual([]);
  });

  it('remind once however many runs start together', async () => {
    const world = await buildWorld();
    await overduePlacement(world);
    const runs = await Promise.all([remindOverdueTasks(NOW), remindOverdueTasks(NOW), remindOverdueTasks(NOW)]);
    expect(runs.map((run) => run.reminded).sort()).toEqual([0, 0, 3]);
    for (const person of [world.managerOfThisTeam, world.peerWorker, world.hr]) expect(await remindersTo(person.id)).toHaveLength(1);
  });

  it('email how many, and nothing about the tasks', async () => {
    const world = await buildWorld();
    const { placement } = await overduePlacement(world);
    await remindOverdueTasks(NOW);
    const [reminder] = await remindersTo(world.managerOfThisTeam.id);
    await db.notification.update({ where: { id: reminder.id }, data: { emailState: 'SENDING' } });
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await deliverNotification(reminder.id)).toBe('sent');
    } finally {
      if (saved !== undefined) process.env.SMTP_URL = saved;
    }
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: world.managerOfThisTeam.email } });
    expect(email.subject).toBe('Overdue onboarding tasks');
    expect(email.text).toContain('2 onboarding tasks you owe are past the date it was due.');
    const titles = (await db.onboardingTask.findMany({ where: { plan: { placementId: placement.id } }, select: { title: true } })).map((row) => row.title);
    for (const title of titles) expect(`${email.text}${email.html}`).not.toContain(title);
    expect(`${email.text}${email.html}`).not.toContain(world.peerWorker.name);
  });

  it('run on working days in the morning, UK time', () => {
    expect(SCHEDULES.find((schedule) => schedule.queue === ONBOARDING_OVERDUE_QUEUE)).toMatchObject({ cron: '5 9 * * 1-5', tz: 'Europe/London' });
  });
});

// The daily reminders job on real PostgreSQL: who is reminded, when, how
// often, when their manager is told, and that reminders stop once the request
// is done or withdrawn.
import { db } from '@/lib/db';
import { sendReminders } from '@/lib/notifications/reminders';
import { buildWorld, createCheck, createRole, inviteReviewers, recordAgreement, submitVersion, type World } from '../factories';

// Monday 30 November 2026, 09:00 in London; `workingDay(n)` is n working days later.
const MONDAY = new Date('2026-11-30T09:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
function workingDay(n: number): Date {
  let date = MONDAY;
  for (let added = 0; added < n; ) {
    date = new Date(date.getTime() + DAY_MS);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) added += 1;
  }
  return date;
}

async function reviewAskedOnMonday(world: World) {
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, title: `Reminded role ${world.suffix}` });
  const version = await submitVersion(role, world.managerOfThisTeam);
  await inviteReviewers(version, [world.staff, world.serviceUserRep], world.managerOfThisTeam);
  await db.reviewInvitation.updateMany({ where: { versionId: version.id }, data: { createdAt: MONDAY } });
  return { role, version };
}

const remindersTo = (userId: string) => db.notification.findMany({ where: { recipientId: userId, kind: 'REMINDER' }, orderBy: { createdAt: 'asc' } });
const noticesTo = (userId: string) => db.notification.findMany({ where: { recipientId: userId, kind: 'NOT_RESPONDED' } });

beforeEach(async () => {
  // Each test judges its own world's requests: clear what earlier tests left waiting.
  await db.$executeRaw`UPDATE "RoleVersion" SET status = 'SUPERSEDED' WHERE status = 'IN_REVIEW'`;
  await db.$executeRaw`UPDATE "ExpectationCheck" SET "closedAt" = now() WHERE "closedAt" IS NULL`;
  await db.notificationSettings.deleteMany();
});

describe('the daily reminders', () => {
  it('remind a reviewer once the request has waited 3 working days, and not again for 3 more', async () => {
    const world = await buildWorld();
    const { role } = await reviewAskedOnMonday(world);

    expect(await sendReminders(workingDay(2))).toEqual({ reminders: 0, managerNotices: 0 });
    expect(await sendReminders(workingDay(3))).toEqual({ reminders: 2, managerNotices: 0 });
    const [reminder] = await remindersTo(world.staff.id);
    expect(reminder).toMatchObject({ title: role.title, teamName: world.thisTeam.name, emailState: 'QUEUED' });
    expect(reminder.requestKey).toMatch(/^review:/u);

    // The same day again (a second worker, a retried job): nothing new.
    expect(await sendReminders(new Date(workingDay(3).getTime() + 60 * 60 * 1000))).toEqual({ reminders: 0, managerNotices: 0 });
    await db.notification.updateMany({ where: { kind: 'REMINDER' }, data: { createdAt: workingDay(3) } });
    expect(await sendReminders(workingDay(5))).toEqual({ reminders: 0, managerNotices: 0 });
    expect(await remindersTo(world.staff.id)).toHaveLength(1);
  });

  it('tell the team manager who has not responded after 6 working days, and stop once the request is done', async () => {
    const world = await buildWorld();
    const { version } = await reviewAskedOnMonday(world);
    await sendReminders(workingDay(3));
    await db.notification.updateMany({ where: { kind: 'REMINDER' }, data: { createdAt: workingDay(3) } });

    expect(await sendReminders(workingDay(6))).toEqual({ reminders: 2, managerNotices: 1 });
    const [notice] = await noticesTo(world.managerOfThisTeam.id);
    expect(notice).toMatchObject({ count: 2, requestKey: `version:${version.id}` });
    expect(notice.path).toMatch(/\/versions\/1\/reviewers$/u);
    // Not the other team's manager, nor the reviewers.
    expect(await noticesTo(world.managerOfOtherTeam.id)).toHaveLength(0);
    expect(await noticesTo(world.staff.id)).toHaveLength(0);
    await db.notification.updateMany({ where: { kind: { in: ['REMINDER', 'NOT_RESPONDED'] } }, data: { createdAt: workingDay(6) } });

    // The staff member agrees; the representative still has not.
    await recordAgreement(version, world.staff);
    expect(await sendReminders(workingDay(9))).toEqual({ reminders: 1, managerNotices: 1 });
    expect(await remindersTo(world.staff.id)).toHaveLength(2);
    expect(await remindersTo(world.serviceUserRep.id)).toHaveLength(3);
    const notices = await noticesTo(world.managerOfThisTeam.id);
    expect(notices.map((row) => row.count).sort()).toEqual([1, 2]);

    // The version leaves review (withdrawn by a newer one): every reminder stops.
    await db.roleVersion.update({ where: { id: version.id }, data: { status: 'SUPERSEDED' } });
    expect(await sendReminders(workingDay(20))).toEqual({ reminders: 0, managerNotices: 0 });
  });

  it('follow the organisation setting, and remind about expectations checks until answered or closed', async () => {
    const world = await buildWorld();
    await db.notificationSettings.create({ data: { reminderWorkingDays: 1 } });
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const check = await createCheck(role, world.managerOfThisTeam, [{ user: world.peerWorker }, { user: world.staff, answers: { default: 'CORE' } }]);
    await db.expectationCheck.update({ where: { id: check.id }, data: { createdAt: MONDAY } });

    expect(await sendReminders(workingDay(1))).toEqual({ reminders: 1, managerNotices: 0 });
    const [reminder] = await remindersTo(world.peerWorker.id);
    expect(reminder.requestKey).toMatch(/^check:/u);
    expect(reminder.path).toContain(`/expectations/${check.id}`);
    // The staff member answered: never reminded.
    expect(await remindersTo(world.staff.id)).toHaveLength(0);
    await db.notification.updateMany({ where: { kind: 'REMINDER' }, data: { createdAt: workingDay(1) } });
    expect(await sendReminders(workingDay(2))).toEqual({ reminders: 1, managerNotices: 1 });

    await db.expectationCheck.update({ where: { id: check.id }, data: { closedAt: new Date() } });
    expect(await sendReminders(workingDay(10))).toEqual({ reminders: 0, managerNotices: 0 });
  });

  it('count a request made later in the day by its date: asked at 4pm on Monday, reminded at 9am on Thursday', async () => {
    const world = await buildWorld();
    const { version } = await reviewAskedOnMonday(world);
    await db.reviewInvitation.updateMany({ where: { versionId: version.id }, data: { createdAt: new Date('2026-11-30T16:00:00Z') } });
    expect(await sendReminders(workingDay(3))).toEqual({ reminders: 2, managerNotices: 0 });
  });

  it('put several due requests to one person in one email, and still record each as reminded', async () => {
    const world = await buildWorld();
    await reviewAskedOnMonday(world);
    await reviewAskedOnMonday(world);
    await reviewAskedOnMonday(world);
    expect(await sendReminders(workingDay(3))).toEqual({ reminders: 6, managerNotices: 0 });
    const rows = await remindersTo(world.staff.id);
    const emailed = rows.filter((row) => row.emailState === 'QUEUED');
    expect(emailed).toHaveLength(1);
    expect(emailed[0]).toMatchObject({ count: 3, path: '/requests' });
    expect(rows.filter((row) => row.emailState === 'BUNDLED')).toHaveLength(2);
    expect(new Set(rows.map((row) => row.requestKey)).size).toBe(3);
    // Recorded each: nothing again the same day.
    expect(await sendReminders(new Date(workingDay(3).getTime() + 60_000))).toEqual({ reminders: 0, managerNotices: 0 });
  });

  it('leave out disabled people and archived teams', async () => {
    const world = await buildWorld();
    await reviewAskedOnMonday(world);
    await db.user.update({ where: { id: world.staff.id }, data: { disabledAt: new Date() } });
    expect(await sendReminders(workingDay(3))).toEqual({ reminders: 1, managerNotices: 0 });
    await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date() } });
    expect(await sendReminders(workingDay(10))).toEqual({ reminders: 0, managerNotices: 0 });
  });
});

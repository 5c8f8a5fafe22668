// Notifications end to end on real PostgreSQL, the real pg-boss worker and a
// real SMTP server: what is queued with a change, what arrives, what never
// does, and what happens when the mail server is down.
import { db } from '@/lib/db';
import { inviteReviewers, raiseConcern, replyToConcern } from '@/lib/agreement/actions';
import { sendExpectationsCheck } from '@/lib/expectations/actions';
import { retryJob } from '@/lib/jobs/actions';
import { listFailedJobs } from '@/lib/jobs/failed';
import { queueNotifications } from '@/lib/notifications/gate';
import { deliverNotification, sendDigests } from '@/lib/notifications/delivery';
import { purgeNotifications } from '@/lib/notifications/housekeeping';
import { issueInvitation } from '@/lib/people/actions';
import type { RunningWorker } from '@/lib/jobs/worker';
import { buildWorld, createRole, submitVersion, type World } from '../factories';
import { createFailedJob, eventually, startTestWorker } from '../support/jobs';
import { signInAs } from '../support/session';
import { TestSmtpServer, textOf } from '../support/smtp';

const BASE = 'https://peerroles.example.nhs.uk';
const smtp = new TestSmtpServer();
let worker: RunningWorker | null = null;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };

beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = BASE;
  worker = await startTestWorker();
});

afterAll(async () => {
  await worker?.stop();
  await smtp.stop();
  process.env.SMTP_URL = savedEnv.SMTP_URL;
  process.env.PUBLIC_URL = savedEnv.PUBLIC_URL;
});

beforeEach(() => {
  smtp.refuseRecipients = false;
  smtp.refused.clear();
});

async function versionInReview(world: World, title = `Peer Support Worker ${world.suffix}`) {
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, title });
  const version = await submitVersion(role, world.managerOfThisTeam);
  return { role, version };
}

const stateOf = async (recipientId: string, kind: string) =>
  (await db.notification.findMany({ where: { recipientId, kind: kind as never }, select: { emailState: true } })).map((row) => row.emailState);

describe('an invitation to review', () => {
  it('emails each invited reviewer a link to the version, and not the person who invited them', async () => {
    const world = await buildWorld();
    const { role, version } = await versionInReview(world);
    signInAs(world.managerOfThisTeam);

    const result = await inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id, world.serviceUserRep.id] });
    expect(result).toMatchObject({ ok: true });

    const [mail] = await eventually(() => (smtp.to(world.staff.email).length > 0 ? smtp.to(world.staff.email) : null), { what: 'the reviewer email' });
    expect(mail.subject).toContain(role.title);
    expect(textOf(mail)).toContain(`${BASE}/teams/${world.thisTeam.id}/roles/${role.id}/versions/${version.number}`);
    expect(textOf(mail)).toContain(world.thisTeam.name);
    expect(mail.messageId).toMatch(/@peerroles\.notifications>$/u);
    await eventually(() => smtp.to(world.serviceUserRep.email).length === 1, { what: 'the representative email' });
    expect(smtp.to(world.managerOfThisTeam.email)).toHaveLength(0);
    await eventually(async () => (await stateOf(world.staff.id, 'REVIEW_REQUESTED')).includes('SENT'), { what: 'the notification marked sent' });
  });
});

describe('concerns', () => {
  it('tell the other reviewers and the managers that a concern was raised or answered, never what it says', async () => {
    const world = await buildWorld();
    const { version } = await versionInReview(world);
    signInAs(world.managerOfThisTeam);
    expect(await inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id, world.serviceUserRep.id] })).toMatchObject({ ok: true });

    const secretConcern = `My confidential worry ${world.suffix} about lone working`;
    signInAs(world.staff);
    const raised = await raiseConcern(null, { versionId: version.id, section: 'purpose', comment: secretConcern });
    expect(raised).toMatchObject({ ok: true });
    const concernId = (raised as { data: { concernId: string } }).data.concernId;

    const secretReply = `A private reply ${world.suffix} naming a service user`;
    signInAs(world.managerOfThisTeam);
    expect(await replyToConcern(null, { concernId, body: secretReply })).toMatchObject({ ok: true });

    const managerMail = await eventually(() => smtp.to(world.managerOfThisTeam.email).find((mail) => /Concern raised/u.test(mail.subject)), { what: 'the manager told of the concern' });
    expect(textOf(managerMail)).toContain(`/concerns/${concernId}`);
    const repMails = await eventually(() => (smtp.to(world.serviceUserRep.email).length >= 3 ? smtp.to(world.serviceUserRep.email) : null), { what: 'the representative told of concern and reply' });
    // The author of the concern hears of the reply, not of their own concern.
    const staffMails = await eventually(() => smtp.to(world.staff.email).find((mail) => /reply/iu.test(mail.subject)), { what: 'the author told of the reply' });
    expect(smtp.to(world.staff.email).filter((mail) => /Concern raised/u.test(mail.subject))).toHaveLength(0);

    for (const mail of [managerMail, staffMails, ...repMails]) {
      expect(mail.raw).not.toContain('confidential');
      expect(mail.raw).not.toContain('private reply');
      expect(mail.raw).not.toContain(world.suffix + ' about');
    }
    // Nor is it kept anywhere on the way.
    const rows = await db.notification.findMany({ where: { path: { contains: concernId } } });
    expect(JSON.stringify(rows)).not.toContain('confidential');
  });
});

describe('expectations checks and set-password links', () => {
  it('asks each participant to answer, and emails a set-password link to the person only, then forgets the token', async () => {
    const world = await buildWorld();
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    signInAs(world.managerOfThisTeam);
    const sent = await sendExpectationsCheck(null, { roleId: role.id, userIds: [world.peerWorker.id, world.staff.id] });
    expect(sent).toMatchObject({ ok: true });
    const checkMail = await eventually(() => smtp.to(world.peerWorker.email)[0], { what: 'the check email' });
    expect(textOf(checkMail)).toContain(`/expectations/${(sent as { data: { checkId: string } }).data.checkId}`);

    signInAs(world.admin);
    const invited = await issueInvitation(null, { userId: world.newcomer.id });
    expect(invited).toMatchObject({ ok: true });
    const path = (invited as { data: { invitationPath: string } }).data.invitationPath;
    const linkMail = await eventually(() => smtp.to(world.newcomer.email)[0], { what: 'the set-password email' });
    expect(textOf(linkMail)).toContain(`${BASE}${path}`);
    expect(smtp.received.filter((mail) => mail.raw.includes(path))).toHaveLength(1);
    // The token is in the database only until the email has gone.
    await eventually(async () => (await db.notification.count({ where: { recipientId: world.newcomer.id, emailState: 'SENT', secretPath: null } })) === 1, { what: 'the token forgotten' });
  });
});

describe('a change that rolls back', () => {
  it('sends nothing', async () => {
    const world = await buildWorld();
    await expect(
      db.$transaction(async (tx) => {
        await queueNotifications(tx, [{ kind: 'REVIEW_REQUESTED', recipientId: world.staff.id, teamName: 'T', title: 'Rolled back role', path: '/requests' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A later notification to the same person arrives, and the rolled-back one never does.
    await db.$transaction((tx) => queueNotifications(tx, [{ kind: 'VERSION_AGREED', recipientId: world.staff.id, teamName: 'T', title: 'Committed role', path: '/requests' }]));
    await eventually(() => smtp.to(world.staff.email).length === 1, { what: 'the committed email' });
    await worker!.dispatchNow();
    expect(smtp.to(world.staff.email).map((mail) => mail.subject)).toEqual([expect.stringContaining('Committed role')]);
    expect(await db.notification.count({ where: { recipientId: world.staff.id } })).toBe(1);
  });
});

describe('when the mail server is down', () => {
  it('keeps the change, and sends the email once the server is back', async () => {
    const world = await buildWorld();
    const { version } = await versionInReview(world);
    await smtp.stop();
    try {
      signInAs(world.managerOfThisTeam);
      expect(await inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id] })).toMatchObject({ ok: true });
      expect(await db.reviewInvitation.count({ where: { versionId: version.id } })).toBe(1);
      // The job has failed at least once and waits for its retry.
      await eventually(async () => (await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.email' AND state = 'retry'`)[0].n > 0, { what: 'a failed try' });
      expect(smtp.to(world.staff.email)).toHaveLength(0);
    } finally {
      await smtp.start();
    }
    await eventually(() => smtp.to(world.staff.email).length === 1, { what: 'the email after the outage', timeoutMs: 25_000 });
    await eventually(async () => (await stateOf(world.staff.id, 'REVIEW_REQUESTED')).join() === 'SENT', { what: 'the notification marked sent' });
  });
});

describe('two workers', () => {
  it('never send the same email twice', async () => {
    const world = await buildWorld();
    const second = await startTestWorker();
    try {
      const people = [world.staff, world.peerWorker, world.serviceUserRep, world.hr, world.newcomer];
      await db.$transaction((tx) =>
        queueNotifications(
          tx,
          Array.from({ length: 8 }, (_, round) => people.map((person) => ({ kind: 'REMINDER' as const, recipientId: person.id, teamName: 'Two workers', title: `Role ${round}`, path: '/requests', requestKey: `review:${round}-${person.id}` }))).flat(),
        ),
      );
      await Promise.all([worker!.dispatchNow(), second.dispatchNow()]);
      const total = people.length * 8;
      const mine = () => smtp.received.filter((mail) => people.some((person) => mail.to.includes(person.email)));
      await eventually(() => mine().length >= total, { what: 'every email' });
      await eventually(async () => (await db.notification.count({ where: { recipientId: { in: people.map((person) => person.id) }, emailState: 'SENT' } })) === total, { what: 'all marked sent' });
      expect(mine()).toHaveLength(total);
      expect(new Set(mine().map((mail) => mail.messageId)).size).toBe(total);
    } finally {
      await second.stop();
    }
  });
});

describe('one notification held by two workers at once', () => {
  it('is emailed once: the second finds it sent', async () => {
    const world = await buildWorld();
    const [notification] = await db.notification.createManyAndReturn({
      data: [{ kind: 'VERSION_AGREED', recipientId: world.peerWorker.id, teamName: world.thisTeam.name, title: 'Held twice', path: '/requests', emailState: 'SENDING' }],
      select: { id: true },
    });
    const outcomes = await Promise.all([deliverNotification(notification.id), deliverNotification(notification.id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(smtp.to(world.peerWorker.email)).toHaveLength(1);
  });
});

describe('email choices', () => {
  it('sends nothing for a kind switched off, and one summary a day to someone who chose it', async () => {
    const world = await buildWorld();
    await db.notificationPreference.create({ data: { userId: world.staff.id, delivery: 'EACH', mutedKinds: ['REVIEW_REQUESTED'] } });
    await db.notificationPreference.create({ data: { userId: world.serviceUserRep.id, delivery: 'DAILY_DIGEST', mutedKinds: [] } });
    const { version, role } = await versionInReview(world);
    signInAs(world.managerOfThisTeam);
    expect(await inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id, world.serviceUserRep.id] })).toMatchObject({ ok: true });

    await eventually(async () => (await stateOf(world.staff.id, 'REVIEW_REQUESTED')).includes('NOT_SENT'), { what: 'the muted kind skipped' });
    await eventually(async () => (await stateOf(world.serviceUserRep.id, 'REVIEW_REQUESTED')).includes('DIGEST'), { what: 'the digest waiting' });
    expect(smtp.to(world.staff.email)).toHaveLength(0);
    expect(smtp.to(world.serviceUserRep.email)).toHaveLength(0);

    await sendDigests();
    const [digest] = smtp.to(world.serviceUserRep.email);
    expect(digest.subject).toMatch(/1 update/u);
    expect(textOf(digest)).toContain(role.title);
    expect(await stateOf(world.serviceUserRep.id, 'REVIEW_REQUESTED')).toEqual(['SENT']);
    // Nothing new: no second summary.
    await sendDigests();
    expect(smtp.to(world.serviceUserRep.email)).toHaveLength(1);
  });
});

describe('daily summaries', () => {
  it('reach everyone else when one address is refused, and the job fails so that one is tried again', async () => {
    const world = await buildWorld();
    const people = [world.staff, world.peerWorker, world.serviceUserRep];
    await db.notificationPreference.createMany({ data: people.map((person) => ({ userId: person.id, delivery: 'DAILY_DIGEST' as const, mutedKinds: [] })) });
    await db.notification.createMany({ data: people.map((person) => ({ kind: 'VERSION_AGREED' as const, recipientId: person.id, teamName: world.thisTeam.name, title: 'Summarised role', path: '/requests', emailState: 'DIGEST' as const })) });
    smtp.refused.add(world.peerWorker.email);
    await expect(sendDigests()).rejects.toThrow('1 of 3 daily summaries could not be sent; 2 were');
    expect(smtp.to(world.staff.email)).toHaveLength(1);
    expect(smtp.to(world.serviceUserRep.email)).toHaveLength(1);
    expect(await stateOf(world.peerWorker.id, 'VERSION_AGREED')).toEqual(['DIGEST']);
    smtp.refused.clear();
    await expect(sendDigests()).resolves.toBe(1);
    expect(smtp.to(world.peerWorker.email)).toHaveLength(1);
    expect(smtp.to(world.staff.email)).toHaveLength(1);
  });
});

describe('without a mail server', () => {
  const withoutSmtp = async <T>(work: () => Promise<T>, demo: boolean): Promise<T> => {
    const saved = { smtp: process.env.SMTP_URL, demo: process.env.PEERROLES_DEMO };
    delete process.env.SMTP_URL;
    if (demo) process.env.PEERROLES_DEMO = '1';
    else delete process.env.PEERROLES_DEMO;
    try {
      return await work();
    } finally {
      process.env.SMTP_URL = saved.smtp;
      if (saved.demo === undefined) delete process.env.PEERROLES_DEMO;
      else process.env.PEERROLES_DEMO = saved.demo;
    }
  };
  const passwordLinkFor = async (person: { id: string }) => {
    const [row] = await db.notification.createManyAndReturn({
      data: [{ kind: 'PASSWORD_LINK', recipientId: person.id, path: '/set-password', secretPath: `/set-password/token-${person.id}`, emailState: 'SENDING' }],
      select: { id: true },
    });
    return row.id;
  };

  it('keeps emails in the outbox, with a set-password link only in the demo', async () => {
    const world = await buildWorld();
    const kept = await withoutSmtp(async () => {
      await deliverNotification(await passwordLinkFor(world.peerWorker));
      return db.outboxEmail.findFirstOrThrow({ where: { to: world.peerWorker.email } });
    }, false);
    expect(kept.text).not.toContain(`token-${world.peerWorker.id}`);
    expect(kept.html).not.toContain(`token-${world.peerWorker.id}`);
    expect(kept.text).toContain('link not kept');
    const demo = await withoutSmtp(async () => {
      await deliverNotification(await passwordLinkFor(world.serviceUserRep));
      return db.outboxEmail.findFirstOrThrow({ where: { to: world.serviceUserRep.email } });
    }, true);
    expect(demo.text).toContain(`${BASE}/set-password/token-${world.serviceUserRep.id}`);
    // Either way the token is gone from the notification once handled.
    expect(await db.notification.count({ where: { recipientId: { in: [world.peerWorker.id, world.serviceUserRep.id] }, secretPath: { not: null } } })).toBe(0);
    expect(smtp.to(world.peerWorker.email)).toHaveLength(0);
  });
});

describe('set-password tokens', () => {
  it('are forgotten when the email is not sent (a disabled person), and by the nightly tidy-up once the link has expired', async () => {
    const world = await buildWorld();
    await db.user.update({ where: { id: world.newcomer.id }, data: { disabledAt: new Date() } });
    await db.$transaction((tx) => queueNotifications(tx, [{ kind: 'PASSWORD_LINK', recipientId: world.newcomer.id, path: '/set-password', secretPath: '/set-password/disabled-token' }]));
    await worker!.dispatchNow();
    expect(await db.notification.findFirstOrThrow({ where: { recipientId: world.newcomer.id } })).toMatchObject({ emailState: 'NOT_SENT', secretPath: null });

    const [stale] = await db.notification.createManyAndReturn({
      data: [{ kind: 'PASSWORD_LINK', recipientId: world.hr.id, path: '/set-password', secretPath: '/set-password/stale-token', emailState: 'SENDING', createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) }],
      select: { id: true },
    });
    await db.outboxEmail.create({ data: { to: world.hr.email, subject: 'Old', text: 'old', html: 'old', createdAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000) } });
    const purged = await purgeNotifications();
    expect(purged.tokensForgotten).toBeGreaterThanOrEqual(1);
    expect(purged.outboxEmailsRemoved).toBeGreaterThanOrEqual(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: stale.id } })).secretPath).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: world.hr.email } })).toBe(0);
  });
});

describe('the dead-letter list', () => {
  it('lists a job that failed every try with its error, and Retry sends it', async () => {
    const world = await buildWorld();
    const [notification] = await db.notification.createManyAndReturn({
      data: [{ kind: 'VERSION_AGREED', recipientId: world.managerOfThisTeam.id, teamName: world.thisTeam.name, title: 'Dead letter role', path: '/requests', emailState: 'SENDING' }],
      select: { id: true },
    });
    const jobId = await createFailedJob(notification.id, '550 Mailbox unavailable');
    const failed = await listFailedJobs();
    const listed = failed.items.find((job) => job.id === jobId);
    expect(listed).toMatchObject({ queue: 'notification.email', error: '550 Mailbox unavailable', notificationKind: 'VERSION_AGREED', recipientName: world.managerOfThisTeam.name });

    signInAs(world.managerOfThisTeam);
    expect(await retryJob(null, { jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signInAs(world.admin);
    const retried = await retryJob(null, { jobId });
    expect(retried).toEqual({ ok: true, data: { jobId } });
    await eventually(() => smtp.to(world.managerOfThisTeam.email).find((mail) => mail.subject.includes('Dead letter role')), { what: 'the retried email' });
    expect((await listFailedJobs()).items.find((job) => job.id === jobId)).toBeUndefined();
    // A retried job gets a fresh fortnight before pg-boss would archive it unrun.
    const [kept] = await db.$queryRaw<Array<{ days: number }>>`SELECT extract(epoch FROM keep_until - now())::int / 86400 AS days FROM pgboss.job WHERE id = ${jobId}::uuid
      UNION ALL SELECT 14 FROM pgboss.archive WHERE id = ${jobId}::uuid`;
    expect(kept.days).toBeGreaterThanOrEqual(13);
    // Retrying again: it is no longer failed.
    expect(await retryJob(null, { jobId })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

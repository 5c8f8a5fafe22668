import { z } from 'zod';
import { defineAction, definePublicAction } from '@/lib/action';
import { ActionError } from '@/lib/action-error';
import { auditFilterSchema, listAuditActors, listAuditEvents } from '@/lib/audit/queries';
import { db } from '@/lib/db';
import { PAGE_SIZE } from '@/lib/pagination';
import { createTeam as createTeamAction } from '@/lib/teams/actions';
import { buildWorld, createUser, type World } from '../factories';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => signInAs(world.admin));

const auditCount = () => db.auditEvent.count();
const teamsNamed = (name: string) => db.team.count({ where: { name } });
const quietly = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('the audit event and the change share one transaction', () => {
  it('writes exactly one audit row with the change', async () => {
    const before = await auditCount();
    const result = await createTeamAction(null, { name: 'Audited Team', serviceType: 'OTHER' });
    expect(result.ok).toBe(true);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await db.auditEvent.findMany({ orderBy: { createdAt: 'desc' }, take: 1 });
    expect(event).toMatchObject({ action: 'team.create', actorId: world.admin.id, recordType: 'Team', recordId: result.ok ? result.data.teamId : '' });
  });

  it('rolls back both when the action fails after writing', async () => {
    const name = 'Half Written Team';
    const explode = defineAction({
      name: 'test.explode',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx, audit }) {
        const team = await tx.team.create({ data: { name, serviceType: 'OTHER' } });
        await audit({ action: 'team.create', recordType: 'Team', recordId: team.id, summary: 'Should never be seen' });
        throw new ActionError('CONFLICT', 'Something changed underneath us.');
      },
    });
    const before = await auditCount();
    expect(await explode(null, {})).toEqual({ ok: false, code: 'CONFLICT', error: 'Something changed underneath us.' });
    expect(await teamsNamed(name)).toBe(0);
    expect(await auditCount()).toBe(before);
    expect(await db.auditEvent.count({ where: { summary: 'Should never be seen' } })).toBe(0);
  });

  it('rolls back both when the action crashes, and shows a generic message', async () => {
    const logged = quietly();
    const name = 'Crashed Team';
    const crash = defineAction({
      name: 'test.crash',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx, audit }) {
        const team = await tx.team.create({ data: { name, serviceType: 'OTHER' } });
        await audit({ action: 'team.create', recordType: 'Team', recordId: team.id, summary: 'Crashed afterwards' });
        throw new Error('database exploded: secret detail');
      },
    });
    const before = await auditCount();
    const result = await crash(null, {});
    expect(result).toEqual({ ok: false, code: 'UNEXPECTED', error: 'Something went wrong and nothing was saved. Try again.' });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(await teamsNamed(name)).toBe(0);
    expect(await auditCount()).toBe(before);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('rolls back a change whose audit write fails', async () => {
    const logged = quietly();
    const name = 'Unauditable Team';
    const badAudit = defineAction({
      name: 'test.bad-audit',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx, audit }) {
        const team = await tx.team.create({ data: { name, serviceType: 'OTHER' } });
        // recordType is required: the audit insert fails, so the team must go too.
        await audit({ action: 'team.create', recordType: undefined as unknown as string, recordId: team.id, summary: 'x' });
        return team.id;
      },
    });
    expect(await badAudit(null, {})).toMatchObject({ ok: false, code: 'UNEXPECTED' });
    expect(await teamsNamed(name)).toBe(0);
    logged.mockRestore();
  });

  it('refuses, and rolls back, an action that writes no audit event', async () => {
    const logged = quietly();
    const name = 'Silent Team';
    const silent = defineAction({
      name: 'test.silent',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx }) {
        return (await tx.team.create({ data: { name, serviceType: 'OTHER' } })).id;
      },
    });
    const silentPublic = definePublicAction({
      name: 'test.silent-public',
      input: z.object({}),
      async run({ tx }) {
        return (await tx.team.create({ data: { name, serviceType: 'OTHER' } })).id;
      },
    });
    expect(await silent(null, {})).toMatchObject({ ok: false, code: 'UNEXPECTED' });
    expect(await silentPublic(null, {})).toMatchObject({ ok: false, code: 'UNEXPECTED' });
    expect(await teamsNamed(name)).toBe(0);
    logged.mockRestore();
  });

  it('never reaches the change when permission is refused', async () => {
    const run = jest.fn();
    const guarded = defineAction({ name: 'test.guarded', permission: 'audit.view', input: z.object({}), run });
    signInAs(world.staff);
    expect(await guarded(null, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signInAs(null);
    expect(await guarded(null, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps summaries short', async () => {
    const long = defineAction({
      name: 'test.long-summary',
      permission: 'team.create',
      input: z.object({}),
      async run({ audit }) {
        await audit({ action: 'test.long-summary', recordType: 'Team', recordId: 'none', summary: 'y'.repeat(5000) });
        return null;
      },
    });
    expect((await long(null, {})).ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'test.long-summary' } });
    expect(event.summary).toHaveLength(500);
  });
});

describe('the audit table is append-only in the database itself', () => {
  let eventId: string;

  beforeAll(async () => {
    eventId = (await db.auditEvent.create({ data: { action: 'test.fixed', recordType: 'Team', recordId: 'fixed', summary: 'Must stay as written' } })).id;
  });

  afterEach(async () => {
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ summary: 'Must stay as written' });
  });

  it('refuses UPDATE', async () => {
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "summary" = 'rewritten' WHERE "id" = $1::uuid`, eventId)).rejects.toThrow(/append-only: UPDATE/u);
    await expect(db.auditEvent.update({ where: { id: eventId }, data: { summary: 'rewritten' } })).rejects.toThrow(/append-only: UPDATE/u);
  });

  it('refuses DELETE', async () => {
    const before = await auditCount();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1::uuid`, eventId)).rejects.toThrow(/append-only: DELETE/u);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only: DELETE/u);
    expect(await auditCount()).toBe(before);
  });

  it('refuses TRUNCATE', async () => {
    const before = await auditCount();
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only: TRUNCATE/u);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent", "User", "Team", "TeamMembership", "Invitation" CASCADE')).rejects.toThrow(/append-only: TRUNCATE/u);
    // Truncating the people it refers to cascades to it, and is refused too.
    await expect(db.$executeRawUnsafe('TRUNCATE "User" CASCADE')).rejects.toThrow(/append-only: TRUNCATE/u);
    expect(await auditCount()).toBe(before);
  });

  it('does not let the rows it refers to be deleted either', async () => {
    await db.auditEvent.create({ data: { actorId: world.hr.id, action: 'test.actor', recordType: 'User', recordId: world.hr.id, summary: 'x' } });
    await expect(db.user.delete({ where: { id: world.hr.id } })).rejects.toThrow(/foreign key/iu);
  });
});

describe('listAuditEvents', () => {
  // A separate cast, with events on fixed dates in 2020, so other tests' events do not interfere.
  let alice: { id: string };
  let bob: { id: string };
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  // `page` is always passed: see the report on auditFilterSchema and a missing `page` key.
  const filter = (input: Record<string, unknown>) => auditFilterSchema.parse({ page: undefined, ...input });

  beforeAll(async () => {
    alice = await createUser({ name: 'Alice Auditor' });
    bob = await createUser({ name: 'Bob Auditor' });
    const rows = [];
    // 30 events by Alice about teams on 2020-01-10, 2 by Bob about people on 2020-02-01 and 2020-02-03.
    for (let index = 0; index < 30; index += 1) {
      rows.push({ actorId: alice.id, action: 'team.update', recordType: 'Team', recordId: `team-${index}`, summary: `Alice ${index}`, createdAt: new Date(day('2020-01-10').getTime() + index * 1000) });
    }
    rows.push({ actorId: bob.id, action: 'person.update', recordType: 'User', recordId: 'p1', summary: 'Bob first', createdAt: day('2020-02-01') });
    rows.push({ actorId: bob.id, action: 'person.update', recordType: 'User', recordId: 'p2', summary: 'Bob second', createdAt: new Date('2020-02-03T23:59:59Z') });
    rows.push({ actorId: null, action: 'seed.create', recordType: 'Team', recordId: 'seeded', summary: 'System event', createdAt: day('2020-02-02') });
    await db.auditEvent.createMany({ data: rows });
  });

  it('filters by the person who acted', async () => {
    const page = await listAuditEvents(filter({ actorId: bob.id }));
    expect(page.total).toBe(2);
    expect(page.items.map((event) => event.summary)).toEqual(['Bob second', 'Bob first']);
    expect(page.items[0].actor).toEqual({ id: bob.id, name: 'Bob Auditor' });
  });

  it('filters by record type', async () => {
    const page = await listAuditEvents(filter({ actorId: alice.id, recordType: 'User' }));
    expect(page.total).toBe(0);
    const teams = await listAuditEvents(filter({ recordType: 'Team', from: '2020-01-01', to: '2020-12-31' }));
    expect(teams.total).toBe(31);
    expect(teams.items.every((event) => event.recordType === 'Team')).toBe(true);
  });

  it('filters by an inclusive date range', async () => {
    const february = await listAuditEvents(filter({ from: '2020-02-01', to: '2020-02-03' }));
    expect(february.items.map((event) => event.summary)).toEqual(['Bob second', 'System event', 'Bob first']);
    const oneDay = await listAuditEvents(filter({ from: '2020-02-02', to: '2020-02-02' }));
    expect(oneDay.items.map((event) => event.summary)).toEqual(['System event']);
    const before = await listAuditEvents(filter({ to: '2019-12-31' }));
    expect(before.total).toBe(0);
  });

  it('paginates, newest first', async () => {
    const first = await listAuditEvents(filter({ actorId: alice.id }));
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: Math.ceil(30 / PAGE_SIZE) });
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0].summary).toBe('Alice 29');
    const second = await listAuditEvents(filter({ actorId: alice.id, page: '2' }));
    expect(second.items).toHaveLength(30 - PAGE_SIZE);
    expect(second.items.at(-1)?.summary).toBe('Alice 0');
    const seen = new Set([...first.items, ...second.items].map((event) => event.id));
    expect(seen.size).toBe(30);
  });

  it('ignores malformed filters rather than trusting them', async () => {
    const parsed = filter({ actorId: "' OR 1=1 --", recordType: 'Password', from: '2020-13-45', to: 'yesterday', page: '-3' });
    expect(parsed).toEqual({ actorId: undefined, recordType: undefined, from: undefined, to: undefined, page: 1 });
  });

  it('lists everyone who has acted, including disabled people', async () => {
    await db.user.update({ where: { id: bob.id }, data: { disabledAt: new Date() } });
    const actors = await listAuditActors();
    expect(actors).toEqual(expect.arrayContaining([{ id: alice.id, name: 'Alice Auditor' }, { id: bob.id, name: 'Bob Auditor' }]));
  });
});

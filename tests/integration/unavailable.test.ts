// When the database cannot serve (a query stopped at its time limit, every
// connection busy), an action says nothing was saved and why, writes nothing, and
// logs a warning without the data; a route handler answers 503.
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { defineAction } from '@/lib/action';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/http/unavailable';
import { signedInRoute, json } from '@/lib/route';
import { buildWorld, type World } from '../factories';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => signInAs(world.admin));
afterEach(() => jest.restoreAllMocks());

/** Runs a query PostgreSQL stops at its statement time limit: the same error a stuck query gets under DATABASE_STATEMENT_TIMEOUT_MS. */
const timedOutQuery = async (tx: Pick<typeof db, '$executeRawUnsafe' | '$queryRawUnsafe'>) => {
  await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 50`);
  await tx.$queryRawUnsafe(`SELECT pg_sleep(2)`);
};

describe('an action when the database cannot serve', () => {
  it('writes nothing, says the service is busy, and logs a warning with no data', async () => {
    const lines: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const name = 'Team written before the database stopped answering';
    const stuck = defineAction({
      name: 'test.stuck',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx, audit }) {
        const team = await tx.team.create({ data: { name, serviceType: 'OTHER' } });
        await audit({ action: 'team.create', recordType: 'Team', recordId: team.id, summary: name });
        await timedOutQuery(tx);
        return team.id;
      },
    });
    expect(await stuck(null, {})).toEqual({ ok: false, code: 'UNAVAILABLE', error: 'The service is busy or restarting, so this has not been saved. Wait a minute, then save it again.' });
    expect(await db.team.count({ where: { name } })).toBe(0);
    expect(await db.auditEvent.count({ where: { summary: name } })).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', event: 'database unavailable', kind: 'action', name: 'test.stuck' });
    expect(lines[0]).not.toContain(name);
  });

  it('still treats any other database error as unexpected', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = defineAction({
      name: 'test.broken',
      permission: 'team.create',
      input: z.object({}),
      async run({ tx }) {
        await tx.$queryRawUnsafe(`SELECT * FROM "NoSuchTable"`);
        return null;
      },
    });
    expect(await broken(null, {})).toMatchObject({ ok: false, code: 'UNEXPECTED' });
  });
});

describe('a route handler when the database cannot serve', () => {
  it('answers 503 with Retry-After', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = signedInRoute(async () => {
      await db.$transaction((tx) => timedOutQuery(tx));
      return json({ never: true });
    });
    const response = await handler(new Request('http://localhost/api/test'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ error: 'Service unavailable' });
  });
});

describe('isDatabaseUnavailable on errors from a real database', () => {
  const caught = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);
  const clientOf = (options: ConstructorParameters<typeof PrismaPg>[0]) => new PrismaClient({ adapter: new PrismaPg(options) });

  it('knows a server nobody listens on', async () => {
    const nowhere = clientOf({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 });
    try {
      expect(isDatabaseUnavailable(await caught(() => nowhere.team.count()))).toBe(true);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it('knows a pool with every connection busy, for a query and for a transaction', async () => {
    const small = clientOf({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 200 });
    let release = () => {};
    let begun = () => {};
    const holding = new Promise<void>((resolve) => (begun = resolve));
    // The pool's one connection, held by a transaction until the end of the test.
    const held = small.$transaction(async () => {
      begun();
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 10_000 });
    try {
      await holding;
      expect(isDatabaseUnavailable(await caught(() => small.team.count()))).toBe(true);
      expect(isDatabaseUnavailable(await caught(() => small.$transaction(async (tx) => tx.team.count(), { maxWait: 300 })))).toBe(true);
    } finally {
      release();
      await held;
      await small.$disconnect();
    }
  });

  it('knows a statement timeout, and nothing else', async () => {
    expect(isDatabaseUnavailable(await caught(() => db.$transaction((tx) => timedOutQuery(tx))))).toBe(true);
    expect(isDatabaseUnavailable(await caught(() => db.$queryRawUnsafe(`SELECT 1/0`)))).toBe(false);
    expect(isDatabaseUnavailable(await caught(() => db.team.create({ data: { name: world.thisTeam.name, serviceType: 'OTHER', id: world.thisTeam.id } })))).toBe(false);
  });
});

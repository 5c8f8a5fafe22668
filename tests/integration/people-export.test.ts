// The trust's people and teams as CSV (issue 14 §4), on real PostgreSQL: one
// row for each person's place in a team, in the columns an import reads, by
// email, streamed a page of people at a time (checked across the page
// boundary); active people and teams that are not archived only; a cell
// that starts like a formula neutralised; administrators only.
import { GET as exportCsv } from '@/app/(app)/people/export.csv/route';
import { db } from '@/lib/db';
import { DIRECTORY_HEADER, importContext } from '@/lib/people/directory';
import { guessMapping, parseTable, planImport } from '@/lib/people/rules';
import { addMembership, buildWorld, createTeam, createUser, type World } from '../factories';
import { csvOf } from '../support/csv';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const exportAs = (who: { id: string } | null) => {
  signInAs(who);
  return exportCsv(new Request('http://localhost/people/export.csv'));
};

describe('the people and teams export', () => {
  it('gives an administrator every active person, a row for each team they are in, by email, in the import’s columns', async () => {
    const ward = await createTeam({ name: `Ward ${world.suffix}` });
    const crisis = await createTeam({ name: `Crisis ${world.suffix}` });
    const closed = await createTeam({ name: `Closed ${world.suffix}` });
    await db.team.update({ where: { id: closed.id }, data: { archivedAt: new Date() } });
    const two = await createUser({ name: 'Ada Two Teams', email: `aaa-two-${world.suffix}@peerroles.test`, jobTitle: 'Peer support worker' });
    await addMembership(ward, two, 'PEER_WORKER');
    await addMembership(crisis, two, 'STAFF');
    await addMembership(closed, two, 'MANAGER');
    const none = await createUser({ name: 'Bo No Team', email: `aab-none-${world.suffix}@peerroles.test`, orgRole: 'HR' });
    const formula = await createUser({ name: '=HYPERLINK("http://evil")', email: `aac-formula-${world.suffix}@peerroles.test`, jobTitle: '@SUM(A1)' });
    await createUser({ name: 'Gone Away', email: `aad-gone-${world.suffix}@peerroles.test`, disabled: true });
    // More people than one page, to cross the page boundary.
    await db.user.createMany({ data: Array.from({ length: 1_100 }, (_, index) => ({ name: `Bulk ${index}`, email: `zz-bulk-${String(index).padStart(4, '0')}-${world.suffix}@peerroles.test` })) });

    const response = await exportAs(world.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="people-and-teams.csv"');
    const [header, ...rows] = await csvOf(response);
    expect(header).toEqual(DIRECTORY_HEADER);
    const ours = rows.filter((row) => row[1].endsWith(`-${world.suffix}@peerroles.test`) && row[1].startsWith('aa'));
    expect(ours).toEqual([
      ['Ada Two Teams', two.email, 'Peer support worker', `Crisis ${world.suffix}`, 'Staff (non-peer)', 'Team member'],
      ['Ada Two Teams', two.email, 'Peer support worker', `Ward ${world.suffix}`, 'Peer worker', 'Team member'],
      ['Bo No Team', none.email, '', '', '', 'HR and recruitment'],
      [`'=HYPERLINK("http://evil")`, formula.email, `'@SUM(A1)`, '', '', 'Team member'],
    ]);
    // Every active person at least once, the disabled one never, in email order.
    const active = await db.user.findMany({ where: { disabledAt: null }, select: { email: true } });
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(active.map((person) => person.email)));
    expect(rows.map((row) => row[1])).toEqual([...rows.map((row) => row[1])].sort());
    expect(rows.filter((row) => row[1].startsWith('zz-bulk-'))).toHaveLength(1_100);

    // Imported again as it is, nothing would change: every row's person unchanged, no error, nobody missing.
    const [fileHeader, ...fileRows] = parseTable(await (await exportAs(world.admin)).text());
    const plan = planImport(fileRows, guessMapping(fileHeader), await importContext());
    expect(plan.errors).toBe(0);
    expect(plan.missing).toEqual([]);
    expect(new Set(plan.people.map((person) => person.outcome))).toEqual(new Set(['UNCHANGED']));
    expect(plan.people.find((person) => person.email === formula.email)?.name).toBe('=HYPERLINK("http://evil")');
  });

  it('answers 404 to everyone but administrators, and 401 when signed out', async () => {
    for (const who of [world.hr, world.managerOfThisTeam, world.staff, world.peerWorker, world.serviceUserRep]) expect((await exportAs(who)).status).toBe(404);
    expect((await exportAs(null)).status).toBe(401);
  });
});

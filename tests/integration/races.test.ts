// Many people acting on one record at the same moment: no lost update, no state
// the rules forbid. `npm test` runs these with 10 at once; `npm run bench:faults`
// runs them with 100 (CONCURRENT_REQUESTS=100). The pool has 10 connections, so
// at 100 most requests wait for one: a request may then be refused as
// UNAVAILABLE, never half-done.
import { db } from '@/lib/db';
import { ROLE_SECTIONS } from '@/lib/roles/rules';
import * as roles from '../support/role-actions';
import { addMembership, buildWorld, COMPLETE_ROLE_CONTENT, createRole, createUser, inviteReviewers, readDraft, recordAgreement, submitVersion, type World } from '../factories';
import { actingAs } from '../support/roles';

const CONCURRENT = Number(process.env.CONCURRENT_REQUESTS ?? 10);
jest.setTimeout(60_000 + CONCURRENT * 3_000);

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

/** Every result is a success or one of the refusals a person can be shown: nothing unexpected. */
function expectOnly(results: Array<{ ok: boolean; code?: string }>, allowed: string[]) {
  const refusals = results.filter((result) => !result.ok).map((result) => result.code);
  expect(refusals.filter((code) => !allowed.includes(code!))).toEqual([]);
}

describe(`${CONCURRENT} last sign-offs and new concerns on one version at the same moment`, () => {
  it('ends Agreed with no open concern, or in review with one, and keeps every answer it acknowledged', async () => {
    const half = Math.max(1, Math.floor(CONCURRENT / 2));
    const people = async (role: 'PEER_WORKER' | 'STAFF') =>
      Promise.all(
        Array.from({ length: half }, async () => {
          const person = await createUser({ orgRole: 'MEMBER' });
          await addMembership(world.thisTeam, person, role);
          return person;
        }),
      );
    const [peerWorkers, colleagues] = await Promise.all([people('PEER_WORKER'), people('STAFF')]);
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const version = await submitVersion(role, world.managerOfThisTeam);
    await inviteReviewers(version, [world.managerOfThisTeam, world.staff, world.hr, ...peerWorkers, ...colleagues], world.managerOfThisTeam);
    // Everything the default policy needs except a peer worker's: any one of them is the last sign-off.
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) await recordAgreement(version, reviewer);

    const signOffs = peerWorkers.map((person) => actingAs(person, () => roles.agreeVersion(null, { versionId: version.id })));
    const concerns = colleagues.map((person, index) => actingAs(person, () => roles.raiseConcern(null, { versionId: version.id, section: 'supervision', comment: `Concern ${index}: who supervises the supervisor?` })));
    const [agreed, raised] = await Promise.all([Promise.all(signOffs), Promise.all(concerns)]);

    // A sign-off after the version was agreed is refused as a conflict (it is no longer in review).
    expectOnly(agreed, ['CONFLICT', 'UNAVAILABLE']);
    expectOnly(raised, ['CONFLICT', 'UNAVAILABLE']);
    const { status } = await db.roleVersion.findUniqueOrThrow({ where: { id: version.id }, select: { status: true } });
    const storedConcerns = await db.concern.count({ where: { versionId: version.id, status: 'OPEN' } });
    const storedAgreements = await db.agreement.count({ where: { versionId: version.id } });

    // Every acknowledged answer is stored, and nothing that was refused.
    expect(storedAgreements).toBe(3 + agreed.filter((result) => result.ok).length);
    expect(storedConcerns).toBe(raised.filter((result) => result.ok).length);
    expect(await db.auditEvent.count({ where: { action: 'role.concern.raise', recordId: { in: (await db.concern.findMany({ where: { versionId: version.id }, select: { id: true } })).map((row) => row.id) } } })).toBe(storedConcerns);
    if (status === 'AGREED') {
      // The sign-off won: every concern after it was refused, and exactly one sign-off said it agreed the version.
      expect(storedConcerns).toBe(0);
      expect(raised.every((result) => !result.ok)).toBe(true);
      expect(agreed.filter((result) => result.ok && result.data.status === 'AGREED')).toHaveLength(1);
    } else {
      // A concern won: it is open, so no sign-off could agree the version.
      expect(status).toBe('IN_REVIEW');
      expect(storedConcerns).toBeGreaterThan(0);
      expect(agreed.filter((result) => result.ok && result.data.status === 'AGREED')).toHaveLength(0);
    }
  });
});

describe(`${CONCURRENT} edits of one draft at the same moment`, () => {
  it('lets exactly one of the saves made from the same draft version win', async () => {
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) =>
        actingAs(world.managerOfThisTeam, () => roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: `Purpose written by editor ${index}.` } })),
      ),
    );
    expectOnly(results, ['CONFLICT', 'UNAVAILABLE']);
    const winners = results.flatMap((result, index) => (result.ok ? [index] : []));
    expect(winners).toHaveLength(1);
    const { content, draftVersion } = await readDraft(role);
    expect(draftVersion).toBe(2);
    expect(content.purpose.text).toBe(`Purpose written by editor ${winners[0]}.`);
    expect(await db.auditEvent.count({ where: { recordId: role.id, action: 'role.draft.save' } })).toBe(1);
  });

  it('loses no edit when every editor saves again on a conflict, as the form tells them to', async () => {
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const sections = ['purpose', 'training'] as const;
    expect(ROLE_SECTIONS.map((section) => section.key)).toEqual(expect.arrayContaining([...sections]));
    /** Each editor reloads the draft and saves again until the save is acknowledged; returns the draft version it made. */
    const edit = async (index: number): Promise<number> => {
      for (;;) {
        const { draftVersion } = await readDraft(role);
        const result = await actingAs(world.managerOfThisTeam, () =>
          roles.saveDraftSection(null, { roleId: role.id, draftVersion, section: sections[index % sections.length], value: { text: `Edit ${index}.` } }),
        );
        if (result.ok) return result.data.draftVersion;
        expect(['CONFLICT', 'UNAVAILABLE']).toContain(result.code);
      }
    };
    const made = await Promise.all(Array.from({ length: CONCURRENT }, (_, index) => edit(index)));

    // Every save was applied on top of the one before: versions 2 to N+1, each made once.
    expect([...made].sort((a, b) => a - b)).toEqual(Array.from({ length: CONCURRENT }, (_, index) => index + 2));
    const { content, draftVersion } = await readDraft(role);
    expect(draftVersion).toBe(CONCURRENT + 1);
    expect(await db.auditEvent.count({ where: { recordId: role.id, action: 'role.draft.save' } })).toBe(CONCURRENT);
    // Each section holds the edit that was saved last, and the sections nobody edited are untouched.
    for (const [offset, section] of sections.entries()) {
      const editors = made.map((version, index) => ({ version, index })).filter(({ index }) => index % sections.length === offset);
      const last = editors.reduce((latest, candidate) => (candidate.version > latest.version ? candidate : latest));
      expect(content[section].text).toBe(`Edit ${last.index}.`);
    }
    expect(content.values).toEqual(COMPLETE_ROLE_CONTENT.values);
  });
});

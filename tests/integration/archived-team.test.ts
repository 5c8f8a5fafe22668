// An archived team takes no more work on its roles until it is restored: the
// shared opening steps of each record's actions (lib/roles/records.ts,
// lib/agreement/records.ts, lib/expectations/records.ts) check the team is
// active. Decided for answering an expectations check and settling a contested
// activity too: an archived team's check is frozen with the team, as its drafts
// and reviews are, and restoring the team lets the work go on.
import { db } from '@/lib/db';
import { answerExpectations, resolveContested } from '@/lib/expectations/actions';
import { activityCatalogue, answersFor, buildWorld, catalogueActivity, createCheck, createRole, type World } from '../factories';
import { actingAs } from '../support/roles';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const RECORDS = 'Writing in clinical records';
const ARCHIVED = 'This team is archived: restore it before working on its roles.';

/** A role of this team with a check: the staff member asked and not yet answered, and a contested activity (peer worker core, manager not part). */
async function checkInTeam() {
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
  return createCheck(role, world.managerOfThisTeam, [
    { user: world.managerOfThisTeam, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
    { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
    { user: world.staff },
  ]);
}

const setArchived = (archived: boolean) => db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: archived ? new Date() : null } });

afterEach(async () => {
  await setArchived(false);
});

describe('an archived team', () => {
  it('takes no answers to its expectations checks, and takes them again once restored', async () => {
    const check = await checkInTeam();
    const answers = answersFor(await activityCatalogue(world.thisTeam), { default: 'CORE' });
    await setArchived(true);
    expect(await actingAs(world.staff, () => answerExpectations(null, { checkId: check.id, answers }))).toMatchObject({ ok: false, code: 'CONFLICT', error: ARCHIVED });
    expect(await db.expectationParticipant.findFirstOrThrow({ where: { checkId: check.id, userId: world.staff.id }, select: { submittedAt: true } })).toEqual({ submittedAt: null });

    await setArchived(false);
    expect(await actingAs(world.staff, () => answerExpectations(null, { checkId: check.id, answers }))).toMatchObject({ ok: true });
  });

  it('takes no settling of contested activities, and takes it again once restored', async () => {
    const check = await checkInTeam();
    const activity = await catalogueActivity(RECORDS);
    const input = { checkId: check.id, activityId: activity.id, outcome: 'EXCLUDED', section: 'notPart', note: 'Peer workers do not write in clinical records here.' };
    await setArchived(true);
    // The manager's role in an archived team grants nothing (lib/auth/load.ts); an administrator still may not.
    expect(await actingAs(world.managerOfThisTeam, () => resolveContested(null, input))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await actingAs(world.admin, () => resolveContested(null, input))).toMatchObject({ ok: false, code: 'CONFLICT', error: ARCHIVED });
    expect(await db.contestedResolution.count({ where: { checkId: check.id } })).toBe(0);

    await setArchived(false);
    expect(await actingAs(world.managerOfThisTeam, () => resolveContested(null, input))).toMatchObject({ ok: true });
  });
});

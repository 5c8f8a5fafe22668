// The gate recruitment builds on (lib/roles/gate.ts): only an agreed version of
// a role is ever handed out.
import { getAgreedVersion, RoleNotAgreedError } from '@/lib/roles/gate';
import { buildWorld, createRole, editDraft, inviteReviewers, recordAgreement, roleContent, submitVersion, type World } from '../factories';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const newRole = () => createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });

async function agree(version: { id: string }) {
  await inviteReviewers(version, [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr], world.managerOfThisTeam);
  for (const reviewer of [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr]) await recordAgreement(version, reviewer);
}

async function refusal(roleId: string) {
  const outcome = await getAgreedVersion(roleId).then(
    () => 'handed out',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(RoleNotAgreedError);
  expect(outcome).toMatchObject({ roleId, message: 'This role has no agreed version yet: only an agreed role can be recruited to.' });
}

describe('getAgreedVersion', () => {
  it('refuses a role that is only a draft', async () => {
    await refusal((await newRole()).id);
  });

  it('refuses a role whose only version is in review, even when most reviewers have agreed', async () => {
    const role = await newRole();
    const version = await submitVersion(role, world.managerOfThisTeam);
    await inviteReviewers(version, [world.managerOfThisTeam, world.staff, world.hr], world.managerOfThisTeam);
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) await recordAgreement(version, reviewer);
    await refusal(role.id);
  });

  it('refuses a role that does not exist, and an id that is not one', async () => {
    await refusal('00000000-0000-4000-8000-000000000000');
    await refusal(world.thisTeam.id);
    await refusal('not-a-role');
    await refusal("' OR 1=1 --");
  });

  it('returns the agreed version with its content', async () => {
    const role = await newRole();
    const version = await submitVersion(role, world.managerOfThisTeam);
    await agree(version);
    const agreed = await getAgreedVersion(role.id);
    expect(agreed).toMatchObject({ id: version.id, roleId: role.id, number: 1, agreedAt: expect.any(Date), role: { title: role.title, teamId: world.thisTeam.id } });
    expect(agreed.content).toEqual(roleContent());
  });

  it('keeps returning the version agreed before while a newer one is in review, or was superseded unagreed', async () => {
    const role = await newRole();
    const first = await submitVersion(role, world.managerOfThisTeam);
    await agree(first);

    await editDraft(role, roleContent({ progression: { text: 'Band 4 after a year in post' } }));
    const second = await submitVersion(role, world.managerOfThisTeam);
    expect(await getAgreedVersion(role.id)).toMatchObject({ id: first.id, number: 1 });

    await editDraft(role, roleContent({ progression: { text: 'Band 4 after six months' } }));
    const third = await submitVersion(role, world.managerOfThisTeam);
    expect(second.number).toBe(2);
    expect(await getAgreedVersion(role.id)).toMatchObject({ id: first.id, number: 1, content: expect.objectContaining({ progression: roleContent().progression }) });

    await agree(third);
    expect(await getAgreedVersion(role.id)).toMatchObject({ id: third.id, number: 3, content: expect.objectContaining({ progression: { text: 'Band 4 after six months' } }) });
  });
});

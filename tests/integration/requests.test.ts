// The Requests page lists grow with the trust (HR reviews every role): each is paginated, oldest first.
import { PAGE_SIZE } from '@/lib/pagination';
import { listPendingRequests } from '@/lib/requests/queries';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/load';
import { WAITING_COUNT_CAP, waitingBadge } from '@/lib/requests/rules';
import { buildWorld, createCheck, createRole, inviteReviewer, recordAgreement, submitVersion, type World } from '../factories';
import { signInAs } from '../support/session';
import { currentUserOf } from '../support/roles';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

it('pages the roles to review, oldest request first, and counts them all', async () => {
  const asked: string[] = [];
  for (let index = 0; index < PAGE_SIZE + 5; index++) {
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, title: `Role to review ${String(index).padStart(2, '0')}` });
    const version = await submitVersion(role, world.managerOfThisTeam);
    await inviteReviewer(version, world.hr, world.managerOfThisTeam);
    asked.push(role.id);
  }
  const hr = await currentUserOf(world.hr);
  const first = await listPendingRequests(hr);
  expect(first.pages.reviews).toEqual({ page: 1, pageCount: 2, total: PAGE_SIZE + 5 });
  expect(first.reviews.map((review) => review.version.role.id)).toEqual(asked.slice(0, PAGE_SIZE));

  const second = await listPendingRequests(hr, { reviews: 2 });
  expect(second.reviews.map((review) => review.version.role.id)).toEqual(asked.slice(PAGE_SIZE));
  expect(second.pages.checks).toEqual({ page: 1, pageCount: 1, total: 0 });

  // A page past the end lists nothing, and still says how many there are.
  const beyond = await listPendingRequests(hr, { reviews: 9 });
  expect(beyond.reviews).toEqual([]);
  expect(beyond.pages.reviews).toEqual({ page: 9, pageCount: 2, total: PAGE_SIZE + 5 });

  // Agreeing takes a request off the list.
  await recordAgreement({ id: (await db.roleVersion.findFirstOrThrow({ where: { roleId: asked[0] }, select: { id: true } })).id }, world.hr);
  expect((await listPendingRequests(hr)).pages.reviews.total).toBe(PAGE_SIZE + 4);
});

it('counts what waits for a person in the header, the same as the Requests page lists', async () => {
  const person = await buildWorld();
  const waiting = async () => {
    signInAs(person.peerWorker);
    const session = await authenticate({ touch: false, withWaiting: true });
    return session.user?.waitingRequests;
  };
  expect(await waiting()).toBe(0);
  const role = await createRole({ team: person.thisTeam, createdBy: person.managerOfThisTeam });
  const version = await submitVersion(role, person.managerOfThisTeam);
  await inviteReviewer(version, person.peerWorker, person.managerOfThisTeam);
  await createCheck(role, person.managerOfThisTeam, [{ user: person.peerWorker }]);
  expect(await waiting()).toBe(2);
  const listed = await listPendingRequests(await currentUserOf(person.peerWorker));
  expect(listed.pages.reviews.total + listed.pages.checks.total).toBe(2);
  // Agreeing takes one off; inside actions the count is not loaded at all.
  await recordAgreement(version, person.peerWorker);
  expect(await waiting()).toBe(1);
  expect((await authenticate({ touch: false })).user?.waitingRequests).toBeUndefined();
});

it('stops counting at the cap, so a person asked about every role costs no more than anyone else', async () => {
  const person = await buildWorld();
  const role = await createRole({ team: person.thisTeam, createdBy: person.managerOfThisTeam });
  await db.$executeRaw`
    WITH checks AS (
      INSERT INTO "ExpectationCheck" (id, "roleId", "createdById")
      SELECT gen_random_uuid(), ${role.id}::uuid, ${person.managerOfThisTeam.id}::uuid FROM generate_series(1, ${WAITING_COUNT_CAP + 5}::int)
      RETURNING id)
    INSERT INTO "ExpectationParticipant" (id, "checkId", "userId", "group")
    SELECT gen_random_uuid(), id, ${person.staff.id}::uuid, 'STAFF' FROM checks`;
  signInAs(person.staff);
  const session = await authenticate({ touch: false, withWaiting: true });
  expect(session.user?.waitingRequests).toBe(WAITING_COUNT_CAP);
  expect(waitingBadge(session.user?.waitingRequests)).toBe('99+');
  expect(waitingBadge(WAITING_COUNT_CAP - 1)).toBe('99');
  expect(waitingBadge(0)).toBeUndefined();
});

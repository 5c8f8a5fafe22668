// The Requests page lists grow with the trust (HR reviews every role): each is paginated, oldest first.
import { PAGE_SIZE } from '@/lib/pagination';
import { listPendingRequests } from '@/lib/requests/queries';
import { db } from '@/lib/db';
import { buildWorld, createRole, inviteReviewer, recordAgreement, submitVersion, type World } from '../factories';
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

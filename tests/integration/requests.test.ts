// The Requests page lists grow with the trust (HR reviews every role): each is paginated, oldest first.
import { PAGE_SIZE } from '@/lib/pagination';
import { listPendingRequests } from '@/lib/requests/queries';
import { buildWorld, createRole, inviteReviewer, submitVersion, type World } from '../factories';
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
});

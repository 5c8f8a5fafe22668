// The organisation must always keep an active administrator. An administrator
// cannot demote or disable themselves; two administrators acting on each other
// at the same moment must not both succeed.
import { db } from '@/lib/db';
import { disablePerson, updatePerson } from '@/lib/people/actions';
import { createUser } from '../factories';
import { signInAs } from '../support/session';

const activeAdmins = () => db.user.count({ where: { orgRole: 'ADMIN', disabledAt: null } });

beforeEach(async () => {
  // Each test starts from exactly two active administrators.
  await db.user.updateMany({ where: { orgRole: 'ADMIN', disabledAt: null }, data: { disabledAt: new Date() } });
});

it('keeps one administrator when two demote each other at the same moment', async () => {
  const [first, second] = [await createUser({ orgRole: 'ADMIN' }), await createUser({ orgRole: 'ADMIN' })];
  expect(await activeAdmins()).toBe(2);

  signInAs(first);
  const firstDemotesSecond = updatePerson(null, { userId: second.id, version: 1, name: second.name, email: second.email, orgRole: 'MEMBER' });
  signInAs(second);
  const secondDemotesFirst = updatePerson(null, { userId: first.id, version: 1, name: first.name, email: first.email, orgRole: 'MEMBER' });
  const results = await Promise.all([firstDemotesSecond, secondDemotesFirst]);

  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(CONFLICT|FORBIDDEN)$/u) });
  expect(await activeAdmins()).toBe(1);
});

it('keeps one administrator when two disable each other at the same moment', async () => {
  const [first, second] = [await createUser({ orgRole: 'ADMIN' }), await createUser({ orgRole: 'ADMIN' })];

  signInAs(first);
  const firstDisablesSecond = disablePerson(null, { userId: second.id, version: 1 });
  signInAs(second);
  const secondDisablesFirst = disablePerson(null, { userId: first.id, version: 1 });
  const results = await Promise.all([firstDisablesSecond, secondDisablesFirst]);

  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(CONFLICT|FORBIDDEN|UNAUTHENTICATED)$/u) });
  expect(await activeAdmins()).toBe(1);
});

it('refuses to demote or disable the last administrator, even themselves', async () => {
  const onlyAdmin = await createUser({ orgRole: 'ADMIN' });
  await db.user.updateMany({ where: { orgRole: 'ADMIN', disabledAt: null, id: { not: onlyAdmin.id } }, data: { disabledAt: new Date() } });
  expect(await activeAdmins()).toBe(1);
  signInAs(onlyAdmin);
  expect(await updatePerson(null, { userId: onlyAdmin.id, version: 1, name: onlyAdmin.name, email: onlyAdmin.email, orgRole: 'HR' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(await disablePerson(null, { userId: onlyAdmin.id, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  expect(await activeAdmins()).toBe(1);
});

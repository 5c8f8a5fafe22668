// Issue 6, part 1: no form field name may write onto Object.prototype, through a
// public action or a signed-in one, and permissions never widen through an
// inherited property.
import { setPasswordFromInvitation, updateMyName } from '@/lib/account/actions';
import { db } from '@/lib/db';
import { can } from '@/lib/permissions';
import { createInvitation, createUser } from '../factories';
import { signInAs } from '../support/session';

const DANGEROUS_NAMES = ['__proto__.relations', '__proto__.toString', '__proto__.x', 'constructor.prototype.relations', 'constructor.prototype.x', 'prototype.x', 'name.__proto__.x'];

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

function post(fields: Record<string, string>, dangerous: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  // Twice, as the probe did: the second post turns the value into an array.
  data.append(dangerous, 'REVIEWER');
  data.append(dangerous, 'REVIEWER');
  return data;
}

afterEach(() => {
  // Belt and braces: a failing test must not leave the next one polluted.
  for (const name of ['relations', 'x']) delete (Object.prototype as Record<string, unknown>)[name];
});

describe.each(DANGEROUS_NAMES)('a field named %s', (dangerous) => {
  it('is refused by the public set-password action, which writes nothing', async () => {
    const person = await createUser({ passwordHash: null });
    const { token } = await createInvitation(person);
    const before = prototypeNames();
    const result = await setPasswordFromInvitation(null, post({ token, password: 'blue kettle on the windowsill', confirmPassword: 'blue kettle on the windowsill' }, dangerous));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { _form: ['The form contains a field name that is not allowed'] } });
    expect(prototypeNames()).toEqual(before);
    expect(({} as { relations?: unknown }).relations).toBeUndefined();
    expect(({}).toString()).toBe('[object Object]');
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBeNull();
    expect(await db.invitation.count({ where: { userId: person.id, usedAt: { not: null } } })).toBe(0);
  });

  it('is refused by a signed-in action, which writes nothing', async () => {
    const person = await createUser({ name: 'Sam Jones' });
    signInAs(person);
    const before = prototypeNames();
    const audits = await db.auditEvent.count();
    const result = await updateMyName(null, post({ name: 'Changed', version: '1' }, dangerous));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(prototypeNames()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Sam Jones');
    expect(await db.auditEvent.count()).toBe(audits);
  });
});

it('a direct call whose object carries an unsafe key is refused too', async () => {
  const person = await createUser({ name: 'Sam Jones' });
  signInAs(person);
  const result = await updateMyName(null, JSON.parse('{"name":"Changed","version":1,"__proto__":{"relations":["REVIEWER"]}}'));
  expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Sam Jones');
});

describe('can()', () => {
  const outsider = { orgRole: 'MEMBER' as const, memberships: [] };

  it('is not widened by relations or a team inherited from a polluted prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.relations = ['REVIEWER', 'PARTICIPANT', 'CONCERN_AUTHOR'];
    proto.teamId = 'team-1';
    try {
      expect(can(outsider, 'role.review', {})).toBe(false);
      expect(can(outsider, 'role.view')).toBe(false);
      expect(can({ orgRole: 'MEMBER', memberships: [{ teamId: 'team-1', role: 'MANAGER' }] }, 'role.draft', {})).toBe(false);
      // Own properties still grant.
      expect(can(outsider, 'role.review', { relations: ['REVIEWER'] })).toBe(true);
    } finally {
      delete proto.relations;
      delete proto.teamId;
    }
  });

  it('ignores an org role, team role or relation that names an inherited property', () => {
    expect(can({ orgRole: 'constructor' as never, memberships: [] }, 'team.list')).toBe(false);
    expect(can({ orgRole: 'MEMBER', memberships: [{ teamId: 't', role: 'toString' as never }] }, 'team.view', { teamId: 't' })).toBe(false);
    expect(can(outsider, 'role.view', { relations: ['__proto__' as never, 'hasOwnProperty' as never] })).toBe(false);
  });
});

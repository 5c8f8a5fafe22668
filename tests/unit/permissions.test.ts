import { can, ORG_ROLE_PERMISSIONS, PERMISSIONS, TEAM_ROLE_PERMISSIONS, type Permission, type PermissionSubject } from '@/lib/permissions';
import type { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';

const THIS_TEAM = '11111111-1111-4111-8111-111111111111';
const OTHER_TEAM = '22222222-2222-4222-8222-222222222222';

const person = (orgRole: OrgRole, memberships: Array<{ teamId: string; role: TeamRole }> = []): PermissionSubject => ({ orgRole, memberships });

// The foundation's part of the table (teams, people, audit, account) written out
// again, on purpose: changing who may do these must be a deliberate change here
// too. Permissions that later features add are checked by the general rules below.
const FOUNDATION: Permission[] = [
  'team.list',
  'team.view',
  'team.create',
  'team.update',
  'team.archive',
  'team.members.manage',
  'person.list',
  'person.view',
  'person.create',
  'person.update',
  'person.disable',
  'person.invite',
  'audit.view',
  'account.update',
];

const EXPECTED_ORG: Record<OrgRole, Permission[]> = {
  ADMIN: FOUNDATION,
  HR: ['team.list', 'team.view', 'account.update'],
  MEMBER: ['account.update'],
  SERVICE_USER_REP: ['account.update'],
};

const EXPECTED_TEAM: Record<TeamRole, Permission[]> = {
  MANAGER: ['team.view'],
  STAFF: ['team.view'],
  PEER_WORKER: ['team.view'],
};

const foundationPart = (permissions: readonly Permission[]) => permissions.filter((permission) => FOUNDATION.includes(permission)).sort();

describe('the permission table', () => {
  it('lists every permission once, the foundation ones included', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(PERMISSIONS).toEqual(expect.arrayContaining(FOUNDATION));
  });

  it('grants only permissions it lists', () => {
    for (const granted of [...Object.values(ORG_ROLE_PERMISSIONS), ...Object.values(TEAM_ROLE_PERMISSIONS)]) {
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
    }
  });

  it.each(Object.keys(EXPECTED_ORG) as OrgRole[])('grants organisation role %s exactly what it should', (orgRole) => {
    expect(foundationPart(ORG_ROLE_PERMISSIONS[orgRole])).toEqual([...EXPECTED_ORG[orgRole]].sort());
    const subject = person(orgRole);
    for (const permission of FOUNDATION) {
      expect([permission, can(subject, permission)]).toEqual([permission, EXPECTED_ORG[orgRole].includes(permission)]);
    }
  });

  it.each(Object.keys(EXPECTED_TEAM) as TeamRole[])('grants team role %s exactly what it should, in its own team', (role) => {
    expect(foundationPart(TEAM_ROLE_PERMISSIONS[role])).toEqual([...EXPECTED_TEAM[role]].sort());
    const subject = person('MEMBER', [{ teamId: THIS_TEAM, role }]);
    for (const permission of FOUNDATION) {
      const expected = EXPECTED_TEAM[role].includes(permission) || EXPECTED_ORG.MEMBER.includes(permission);
      expect([permission, can(subject, permission, { teamId: THIS_TEAM })]).toEqual([permission, expected]);
    }
  });

  it.each(Object.keys(TEAM_ROLE_PERMISSIONS) as TeamRole[])('does not let team role %s reach another team or the whole organisation', (role) => {
    const subject = person('MEMBER', [{ teamId: THIS_TEAM, role }]);
    const grantedToEveryone = ORG_ROLE_PERMISSIONS.MEMBER;
    for (const permission of TEAM_ROLE_PERMISSIONS[role]) {
      if (grantedToEveryone.includes(permission)) continue;
      expect(can(subject, permission, { teamId: THIS_TEAM })).toBe(true);
      expect([permission, can(subject, permission, { teamId: OTHER_TEAM })]).toEqual([permission, false]);
      // Without a team in scope, a team role grants nothing.
      expect([permission, can(subject, permission)]).toEqual([permission, false]);
    }
  });

  it('gives a member of no team nothing beyond their own account, in any team', () => {
    const outsider = person('MEMBER');
    for (const permission of PERMISSIONS) {
      const expected = ORG_ROLE_PERMISSIONS.MEMBER.includes(permission);
      expect([permission, can(outsider, permission, { teamId: THIS_TEAM })]).toEqual([permission, expected]);
    }
  });

  it("does not let a team's manager administer the team or its people (only administrators do)", () => {
    const manager = person('MEMBER', [{ teamId: THIS_TEAM, role: 'MANAGER' }]);
    expect(can(manager, 'team.view', { teamId: THIS_TEAM })).toBe(true);
    for (const permission of ['team.update', 'team.archive', 'team.members.manage', 'person.create', 'audit.view'] as const) {
      expect(can(manager, permission, { teamId: THIS_TEAM })).toBe(false);
    }
  });

  it('lets organisation roles act in any team', () => {
    expect(can(person('ADMIN'), 'team.update', { teamId: OTHER_TEAM })).toBe(true);
    expect(can(person('HR'), 'team.view', { teamId: OTHER_TEAM })).toBe(true);
    expect(can(person('HR'), 'team.update', { teamId: OTHER_TEAM })).toBe(false);
  });

  it('combines several memberships team by team', () => {
    const subject = person('MEMBER', [
      { teamId: THIS_TEAM, role: 'PEER_WORKER' },
      { teamId: OTHER_TEAM, role: 'MANAGER' },
    ]);
    expect(can(subject, 'team.view', { teamId: THIS_TEAM })).toBe(true);
    expect(can(subject, 'team.view', { teamId: OTHER_TEAM })).toBe(true);
    expect(can(subject, 'team.view', { teamId: '33333333-3333-4333-8333-333333333333' })).toBe(false);
  });

  it('denies by default', () => {
    // A permission that nobody is given, and a role the table does not know.
    expect(can(person('MEMBER'), 'audit.view')).toBe(false);
    expect(can(person('SERVICE_USER_REP'), 'team.list')).toBe(false);
    expect(can(person('UNKNOWN_ROLE' as OrgRole), 'account.update')).toBe(false);
    expect(can(person('MEMBER', [{ teamId: THIS_TEAM, role: 'MANAGER' }]), 'not.a.permission' as Permission, { teamId: THIS_TEAM })).toBe(false);
  });

  it('refuses a missing person, whatever the permission', () => {
    for (const permission of PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission, { teamId: THIS_TEAM })).toBe(false);
    }
  });

  it('does not treat an empty team id as "every team"', () => {
    const subject = person('MEMBER', [{ teamId: THIS_TEAM, role: 'MANAGER' }]);
    expect(can(subject, 'team.view', { teamId: '' })).toBe(false);
    expect(can(subject, 'team.view', { teamId: undefined })).toBe(false);
  });
});

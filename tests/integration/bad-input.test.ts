// Bad input for every server action: missing fields, wrong types, over-long
// strings, malformed ids and ids from another team. Each must get field errors
// or a refusal, never a crash, and leave the database exactly as it was. Called
// as an administrator, so refusals come from the input and not from permissions.
import { buildWorld, createInvitation, hashOfTestPassword, TEST_PASSWORD, type World } from '../factories';
import { discoverActions } from '../support/actions';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

const LONG = 'x'.repeat(10_000);
const MISSING = Symbol('missing');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const NEW_PASSWORD = 'a perfectly good new passphrase';

type Expectation = { code: 'VALIDATION'; field: string } | { code: 'NOT_FOUND' | 'FORBIDDEN' };

interface BadInputCase {
  label: string;
  input: unknown;
  expect: Expectation;
}

type Valid = Record<string, unknown>;
type FieldKind = 'text' | 'optionalText' | 'email' | 'uuid' | 'version' | 'enum' | 'password' | 'secret';

const WRONG_TYPES_FOR_TEXT: Array<[string, unknown]> = [
  ['a number', 12345],
  ['an object', { nested: 'value' }],
  ['an array', ['one', 'two']],
  ['a boolean', true],
  ['null', null],
];

/** The ways one field can be wrong, each expecting a field error on that field. */
function badValuesFor(kind: FieldKind): Array<[string, unknown]> {
  const missing: Array<[string, unknown]> = [['missing', MISSING]];
  switch (kind) {
    case 'text':
      return [...missing, ...WRONG_TYPES_FOR_TEXT, ['blank', '   '], ['10,000 characters', LONG]];
    case 'optionalText':
      return [...WRONG_TYPES_FOR_TEXT, ['10,000 characters', LONG]];
    case 'email':
      return [...missing, ...WRONG_TYPES_FOR_TEXT, ['not an email', 'not-an-email'], ['10,000 characters', `${LONG}@peerroles.test`], ['blank', '']];
    case 'uuid':
      return [
        ...missing,
        ...WRONG_TYPES_FOR_TEXT,
        ['not a uuid', 'not-a-uuid'],
        ['a number as text', '12345'],
        ['SQL', "' OR '1'='1"],
        ['a truncated uuid', UNKNOWN_ID.slice(0, -1)],
        ['10,000 characters', `${UNKNOWN_ID}${LONG}`],
      ];
    case 'version':
      return [...missing, ['text', 'latest'], ['an object', { version: 1 }], ['null', null], ['zero', 0], ['negative', -1], ['a fraction', 1.5], ['an empty string', '']];
    case 'enum':
      return [...missing, ['not in the list', 'SUPERUSER'], ['lower case', 'admin'], ['a number', 1], ['an array', ['ADMIN']], ['null', null], ['10,000 characters', LONG]];
    case 'password':
      return [...missing, ...WRONG_TYPES_FOR_TEXT, ['too short', 'short pass'], ['10,000 characters', LONG], ['too common', 'password1234']];
    case 'secret':
      return [...missing, ...WRONG_TYPES_FOR_TEXT, ['10,000 characters', LONG]];
  }
}

/** Every bad value of every listed field, the rest of the input being valid. */
function fieldCases(valid: Valid, fields: Record<string, FieldKind>): BadInputCase[] {
  return Object.entries(fields).flatMap(([field, kind]) =>
    badValuesFor(kind).map(([label, value]) => {
      const input: Valid = { ...valid };
      if (value === MISSING) delete input[field];
      else input[field] = value;
      return { label: `${field}: ${label}`, input, expect: { code: 'VALIDATION', field } as const };
    }),
  );
}

/** Inputs that are not an object of fields at all. */
const WHOLE_INPUT_CASES: BadInputCase[] = [
  { label: 'no input at all', input: undefined, expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'null', input: null, expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'a string', input: 'teamId=1&name=x', expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'a number', input: 42, expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'an array', input: [{}], expect: { code: 'VALIDATION', field: '_form' } },
];

/** A form post with every field missing. */
function emptyFormCase(firstRequiredField: string): BadInputCase {
  const form = new FormData();
  form.set('$ACTION_ID_0123', '');
  return { label: 'an empty form post', input: form, expect: { code: 'VALIDATION', field: firstRequiredField } };
}

interface BadInputEntry {
  cases: (world: World) => BadInputCase[] | Promise<BadInputCase[]>;
}

const BAD_INPUT: Record<string, BadInputEntry> = {
  'team.create': {
    cases: (world) => {
      const valid = { name: `Bad Input Team ${world.suffix}`, serviceType: 'COMMUNITY_MENTAL_HEALTH', description: 'ok' };
      return [
        ...fieldCases(valid, { name: 'text', serviceType: 'enum', description: 'optionalText' }),
        { label: 'a name another team has, in other case', input: { ...valid, name: world.otherTeam.name.toUpperCase() }, expect: { code: 'VALIDATION', field: 'name' } },
        emptyFormCase('name'),
      ];
    },
  },
  'team.update': {
    cases: (world) => {
      const valid = { teamId: world.thisTeam.id, version: 1, name: world.thisTeam.name, serviceType: 'OTHER', description: '' };
      return [
        ...fieldCases(valid, { teamId: 'uuid', version: 'version', name: 'text', serviceType: 'enum', description: 'optionalText' }),
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: "another team's name", input: { ...valid, name: world.otherTeam.name }, expect: { code: 'VALIDATION', field: 'name' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'team.archive': {
    cases: (world) => {
      const valid = { teamId: world.thisTeam.id, version: 1 };
      return [
        ...fieldCases(valid, { teamId: 'uuid', version: 'version' }),
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'team.restore': {
    cases: (world) => {
      const valid = { teamId: world.thisTeam.id, version: 1 };
      return [
        ...fieldCases(valid, { teamId: 'uuid', version: 'version' }),
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'team.member.add': {
    cases: (world) => {
      const valid = { teamId: world.thisTeam.id, userId: world.newcomer.id, role: 'STAFF' };
      return [
        ...fieldCases(valid, { teamId: 'uuid', userId: 'uuid', role: 'enum' }),
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a person who does not exist', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'userId' } },
        { label: 'a team id given as the person', input: { ...valid, userId: world.otherTeam.id }, expect: { code: 'VALIDATION', field: 'userId' } },
        { label: 'someone already in the team', input: { ...valid, userId: world.staff.id }, expect: { code: 'VALIDATION', field: 'userId' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'team.member.remove': {
    cases: (world) => {
      const valid = { teamId: world.thisTeam.id, membershipId: world.memberships.staff.id };
      return [
        ...fieldCases(valid, { teamId: 'uuid', membershipId: 'uuid' }),
        { label: "a membership from another team, with this team's id", input: { teamId: world.thisTeam.id, membershipId: world.memberships.managerOfOtherTeam.id }, expect: { code: 'NOT_FOUND' } },
        { label: "a membership of this team, with another team's id", input: { teamId: world.otherTeam.id, membershipId: world.memberships.staff.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a membership that does not exist', input: { ...valid, membershipId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a person id given as the membership', input: { ...valid, membershipId: world.staff.id }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'person.create': {
    cases: (world) => {
      const valid = { name: 'Bad Input Person', email: `bad-input-${world.suffix}@peerroles.test`, jobTitle: 'Nurse', orgRole: 'MEMBER' };
      return [
        ...fieldCases(valid, { name: 'text', email: 'email', jobTitle: 'optionalText', orgRole: 'enum' }),
        { label: "someone else's email, in other case", input: { ...valid, email: world.staff.email.toUpperCase() }, expect: { code: 'VALIDATION', field: 'email' } },
        emptyFormCase('name'),
      ];
    },
  },
  'person.update': {
    cases: (world) => {
      const valid = { userId: world.staff.id, version: 1, name: world.staff.name, email: world.staff.email, jobTitle: '', orgRole: 'MEMBER' };
      return [
        ...fieldCases(valid, { userId: 'uuid', version: 'version', name: 'text', email: 'email', jobTitle: 'optionalText', orgRole: 'enum' }),
        { label: 'a person who does not exist', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a team id given as the person', input: { ...valid, userId: world.thisTeam.id }, expect: { code: 'NOT_FOUND' } },
        { label: "someone else's email", input: { ...valid, email: world.peerWorker.email }, expect: { code: 'VALIDATION', field: 'email' } },
        emptyFormCase('userId'),
      ];
    },
  },
  'person.disable': {
    cases: (world) => {
      const valid = { userId: world.staff.id, version: 1 };
      return [
        ...fieldCases(valid, { userId: 'uuid', version: 'version' }),
        { label: 'a person who does not exist', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('userId'),
      ];
    },
  },
  'person.enable': {
    cases: (world) => {
      const valid = { userId: world.staff.id, version: 1 };
      return [
        ...fieldCases(valid, { userId: 'uuid', version: 'version' }),
        { label: 'a person who does not exist', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('userId'),
      ];
    },
  },
  'person.invite': {
    cases: (world) => [
      ...fieldCases({ userId: world.newcomer.id }, { userId: 'uuid' }),
      { label: 'a person who does not exist', input: { userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
      emptyFormCase('userId'),
    ],
  },
  'account.name.update': {
    cases: () => [...fieldCases({ name: 'A Fine Name', version: 1 }, { name: 'text', version: 'version' }), emptyFormCase('name')],
  },
  'account.password.change': {
    cases: () => {
      const valid = { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
      return [
        ...fieldCases(valid, { currentPassword: 'secret', password: 'password' }),
        ...badValuesFor('secret')
          .filter(([label]) => label !== 'missing')
          .map(([label, value]) => ({ label: `confirmPassword: ${label}`, input: { ...valid, confirmPassword: value }, expect: { code: 'VALIDATION', field: 'confirmPassword' } as const })),
        { label: 'a confirmation that does not match', input: { ...valid, confirmPassword: `${NEW_PASSWORD}.` }, expect: { code: 'VALIDATION', field: 'confirmPassword' } },
        { label: 'a wrong current password', input: { ...valid, currentPassword: 'not the current password' }, expect: { code: 'VALIDATION', field: 'currentPassword' } },
        emptyFormCase('currentPassword'),
      ];
    },
  },
  'account.password.set': {
    cases: async (world) => {
      const { token } = await createInvitation(world.newcomer);
      const valid = { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
      return [
        ...fieldCases(valid, { token: 'secret', password: 'password' }),
        { label: 'token: too short', input: { ...valid, token: 'abc' }, expect: { code: 'VALIDATION', field: 'token' } },
        { label: 'a token that was never issued', input: { ...valid, token: `${'A'.repeat(43)}` }, expect: { code: 'NOT_FOUND' } },
        { label: 'a confirmation that does not match', input: { ...valid, confirmPassword: 'something else entirely' }, expect: { code: 'VALIDATION', field: 'confirmPassword' } },
        emptyFormCase('token'),
      ];
    },
  },
};

const discovery = discoverActions();

describe('the bad-input table covers every action', () => {
  it('has every exported action', () => {
    const missing = discovery.actions.filter((entry) => !(entry.name in BAD_INPUT)).map((entry) => `${entry.name} (${entry.file}: ${entry.exportName})`);
    if (missing.length > 0) throw new Error(`Add bad inputs for these actions to BAD_INPUT in tests/integration/bad-input.test.ts: ${missing.join(', ')}`);
  });

  it('has no entry without an action', () => {
    const names = new Set(discovery.actions.map((entry) => entry.name));
    const stale = Object.keys(BAD_INPUT).filter((name) => !names.has(name));
    if (stale.length > 0) throw new Error(`BAD_INPUT lists actions that no lib/**/actions.ts exports: ${stale.join(', ')}`);
  });
});

let world: World;

beforeAll(async () => {
  world = await buildWorld({ passwordHash: await hashOfTestPassword() });
});

describe.each(Object.keys(BAD_INPUT))('%s', (name) => {
  it('turns every bad input away and changes nothing', async () => {
    const discovered = discovery.actions.find((entry) => entry.name === name);
    if (!discovered) throw new Error(`No server action named ${name} exists any more: remove it from BAD_INPUT`);
    const cases = [...WHOLE_INPUT_CASES, ...(await BAD_INPUT[name].cases(world))];
    expect(cases.length).toBeGreaterThan(WHOLE_INPUT_CASES.length);

    const failures: string[] = [];
    for (const testCase of cases) {
      signInAs(world.admin);
      const before = await snapshotDatabase(world);
      const result = await discovered.action(null, testCase.input);
      const after = await snapshotDatabase(world);

      const expected = testCase.expect;
      const matches =
        !result.ok &&
        result.code === expected.code &&
        (expected.code !== 'VALIDATION' || (result.fieldErrors?.[expected.field]?.length ?? 0) > 0) &&
        typeof result.error === 'string' &&
        result.error.length > 0;
      if (!matches) failures.push(`${testCase.label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(result).slice(0, 300)}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${testCase.label}: the database changed`);
    }
    expect(failures).toEqual([]);
  });
});

// Bad input for every server action: missing fields, wrong types, over-long
// strings, malformed ids and ids from another team. Each must get field errors
// or a refusal, never a crash, and leave the database exactly as it was. Called
// as an administrator, so refusals come from the input and not from permissions;
// actions only a reviewer or participant may use are called as one, and cases
// about ids from another team name the caller they are about (`as`).
import { DEFAULT_THRESHOLDS, INDICATOR_KEYS, type IndicatorKey } from '@/lib/dashboards/signals';
import { db } from '@/lib/db';
import { EMPTY_CONTENT } from '@/lib/roles/rules';
import {
  activityCatalogue,
  addPanelMember,
  agreedRole,
  agreedRoleWithTerms,
  answersFor,
  buildWorld,
  callerUser,
  catalogueActivity,
  changeFormFor,
  createActivity,
  createAgreement,
  createArrangement,
  createCandidate,
  createCheck,
  createCheckIn,
  createConcern,
  createInvitation,
  createLibraryEntry,
  createMeeting,
  createPlacement,
  createRole,
  createSession,
  createSessionAction,
  createSpecification,
  createTeam,
  createTemplate,
  createUser,
  createVacancy,
  editDraft,
  grantSystem,
  hashOfTestPassword,
  inviteReviewers,
  markConcernResolved,
  placedPeerWorker,
  recordAgreement,
  roleContent,
  roleInReview,
  scoreCandidate,
  SMALL_TEMPLATE_TASKS,
  submitVersion,
  TEST_PASSWORD,
  without,
  type Caller,
  type World,
} from '../factories';
import { discoverActions } from '../support/actions';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

const LONG = 'x'.repeat(10_000);
const MISSING = Symbol('missing');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const NEW_PASSWORD = 'a perfectly good new passphrase';

type Expectation = { code: 'VALIDATION'; field: string } | { code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' };

interface BadInputCase {
  label: string;
  input: unknown;
  expect: Expectation;
  /** Who sends it, when not the entry's caller. */
  as?: Caller;
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

/** Characters no typed text may carry: direction overrides (U+202E and friends) and control characters. */
const UNSAFE_CHARACTERS: Array<[string, unknown]> = [
  ['a right-to-left override', 'Peer \u202eredrow'],
  ['a left-to-right isolate', 'Peer \u2066worker'],
  ['a control character', 'Peer\u0007worker'],
  ['a null character', 'Peer\u0000worker'],
];

/** The ways one field can be wrong, each expecting a field error on that field. */
function badValuesFor(kind: FieldKind): Array<[string, unknown]> {
  const missing: Array<[string, unknown]> = [['missing', MISSING]];
  switch (kind) {
    case 'text':
      return [...missing, ...WRONG_TYPES_FOR_TEXT, ['blank', '   '], ['10,000 characters', LONG], ...UNSAFE_CHARACTERS];
    case 'optionalText':
      return [...WRONG_TYPES_FOR_TEXT, ['10,000 characters', LONG], ...UNSAFE_CHARACTERS];
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
  { label: 'a form field named __proto__.relations', input: formWithField('__proto__.relations'), expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'a form field named constructor.prototype.x', input: formWithField('constructor.prototype.x'), expect: { code: 'VALIDATION', field: '_form' } },
  { label: 'a key named __proto__', input: JSON.parse('{"__proto__":{"relations":["REVIEWER"]}}'), expect: { code: 'VALIDATION', field: '_form' } },
];

function formWithField(name: string): FormData {
  const form = new FormData();
  form.append(name, 'REVIEWER');
  form.append(name, 'REVIEWER');
  return form;
}

/** A form post with every field missing. */
function emptyFormCase(firstRequiredField: string): BadInputCase {
  const form = new FormData();
  form.set('$ACTION_ID_0123', '');
  return { label: 'an empty form post', input: form, expect: { code: 'VALIDATION', field: firstRequiredField } };
}

/** Ways a list of people (userIds) can be wrong, each a field error on userIds or on the bad item. */
function userIdsCases(valid: Valid, world: World): BadInputCase[] {
  const withUserIds = (label: string, value: unknown, field = 'userIds'): BadInputCase => {
    const input: Valid = { ...valid };
    if (value === MISSING) delete input.userIds;
    else input.userIds = value;
    return { label: `userIds: ${label}`, input, expect: { code: 'VALIDATION', field } };
  };
  return [
    withUserIds('missing', MISSING),
    withUserIds('a number', 12345),
    withUserIds('an object', { nested: world.staff.id }),
    withUserIds('a boolean', true),
    withUserIds('null', null),
    withUserIds('an empty list', []),
    withUserIds('not a uuid', 'not-a-uuid', 'userIds.0'),
    withUserIds('SQL', "' OR '1'='1", 'userIds.0'),
    withUserIds('a good id then a bad one', [world.staff.id, 12345]),
    withUserIds('10,000 characters', `${UNKNOWN_ID}${LONG}`, 'userIds.0'),
    withUserIds('101 people', Array.from({ length: 101 }, () => world.staff.id)),
    withUserIds('someone who does not exist', [UNKNOWN_ID]),
    withUserIds('a team id given as a person', [world.thisTeam.id]),
    withUserIds('the manager of another team', [world.managerOfOtherTeam.id]),
    withUserIds('a person in no team who is neither HR nor a representative', [world.newcomer.id]),
    withUserIds('an administrator outside the team', [world.admin.id]),
    withUserIds('one good person and one from another team', [world.staff.id, world.managerOfOtherTeam.id]),
  ];
}

/** Role records in both teams, at the stages the role actions refuse to work on. */
async function buildRoleFixtures(world: World) {
  const manager = world.managerOfThisTeam;
  // A draft edited once (draftVersion 2), never submitted.
  const draftRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Draft role' });
  await editDraft(draftRole, roleContent({ purpose: { text: 'Edited once.' } }));
  const incompleteRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Incomplete role', content: EMPTY_CONTENT });
  const roleForChecks = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Role for sending checks' });

  // Version 1 superseded by version 2, which is in review; the staff member and the representative review both.
  const { role: reviewedRole, version: supersededVersion } = await roleInReview(world, { title: 'Reviewed role' });
  const inReviewVersion = await submitVersion(reviewedRole, manager);
  await inviteReviewers(inReviewVersion, [world.staff, world.serviceUserRep], manager);
  await recordAgreement(inReviewVersion, world.serviceUserRep);
  const openConcern = await createConcern(inReviewVersion, world.staff, { section: 'working' });
  const resolvedConcern = await createConcern(inReviewVersion, world.staff, { section: 'purpose' });
  await markConcernResolved(resolvedConcern, world.staff);
  // Another role of this team in review, which nobody in the world was invited to.
  const { version: uninvitedVersion } = await roleInReview(world, { title: 'Role nobody reviews', reviewers: [manager] });

  const otherTeam = { team: world.otherTeam, createdBy: world.managerOfOtherTeam };
  const otherRole = await createRole({ ...otherTeam, title: 'Other team role' });
  const otherVersion = await submitVersion(otherRole, world.managerOfOtherTeam);
  await inviteReviewers(otherVersion, [world.managerOfOtherTeam], world.managerOfOtherTeam);
  const otherConcern = await createConcern(otherVersion, world.managerOfOtherTeam);
  const otherCheck = await createCheck(otherRole, world.managerOfOtherTeam, [{ user: world.managerOfOtherTeam }]);

  const thisTeamActivity = await createActivity({ team: world.thisTeam, name: 'Bad input: team activity' });
  const otherTeamActivity = await createActivity({ team: world.otherTeam, name: 'Bad input: other team activity' });
  const archivedActivity = await createActivity({ team: world.thisTeam, name: 'Bad input: archived activity', archived: true });
  const organisationActivity = await catalogueActivity('Risk assessment');

  // An open check the peer worker has yet to answer, where "Writing in clinical records" is contested.
  const checkRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Role with a check' });
  const check = await createCheck(checkRole, manager, [
    { user: world.peerWorker },
    { user: world.staff, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'NOT_PART' } } },
    { user: world.serviceUserRep, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'CORE' } } },
  ]);
  const closedCheckRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Role with a closed check' });
  const closedCheck = await createCheck(closedCheckRole, manager, [{ user: world.peerWorker }], { closed: true });
  const checkWithoutPeer = await createCheck(draftRole, manager, [{ user: world.staff }]);
  const archivedTeam = await createTeam({ name: `Archived Team ${world.suffix}`, archived: true });
  const archivedTeamCheck = await createCheck(await createRole({ team: archivedTeam, createdBy: manager, title: 'Role of an archived team' }), manager, []);

  return {
    draftRole,
    incompleteRole,
    roleForChecks,
    reviewedRole,
    supersededVersion,
    inReviewVersion,
    uninvitedVersion,
    openConcern,
    resolvedConcern,
    otherRole,
    otherVersion,
    otherConcern,
    otherCheck,
    thisTeamActivity,
    otherTeamActivity,
    archivedActivity,
    organisationActivity,
    check,
    closedCheck,
    checkWithoutPeer,
    archivedTeam,
    archivedTeamCheck,
  };
}

type RoleFixtures = Awaited<ReturnType<typeof buildRoleFixtures>>;

/**
 * Recruitment records at every stage the recruitment actions refuse to work on,
 * built once (the first recruitment entry asks for them). Panels: the team's
 * manager chairs, the peer worker and the representative sit on them, and their
 * declarations are current; "other" is a vacancy the peer worker is not on.
 */
async function buildRecruitmentFixtures(world: World) {
  const hr = world.hr;
  const { role, version } = await agreedRole(world, { title: 'Recruited role' });
  const { version: inReviewVersion } = await roleInReview(world, { title: 'Role not yet agreed' });
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: hr, title: 'Used by the vacancies being scored' });
  const [lived, values, practical] = specification.criteria;
  const draftSpecification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: hr, title: 'Not used yet' });
  const answeredSpecification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: hr, title: 'Used by an open vacancy' });
  const noLivedExperience = await createSpecification({
    team: world.thisTeam,
    roleVersion: version,
    createdBy: hr,
    criteria: [{ category: 'VALUES', wording: 'Commitment to hope', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] }],
  });
  const unagreedSpecification = await createSpecification({ team: world.thisTeam, roleVersion: inReviewVersion, createdBy: hr });
  const otherTeamSpecification = await createSpecification({ team: world.otherTeam, roleVersion: version, createdBy: hr });
  const disabledPerson = await createUser({ name: 'Disabled Person', disabled: true });

  const panelOf = async (vacancy: { id: string }) => {
    const chair = await addPanelMember(vacancy, world.managerOfThisTeam, { role: 'CHAIR' });
    const peer = await addPanelMember(vacancy, world.peerWorker);
    const rep = await addPanelMember(vacancy, world.serviceUserRep);
    return { chair, peer, rep };
  };
  const members = [world.managerOfThisTeam, world.peerWorker, world.serviceUserRep];
  const keyOf = async (candidate: { id: string }) => (await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: { declarationKey: true } })).declarationKey;

  // A draft vacancy with no panel and no candidates; an open one with no candidates, whose only panel member is the peer worker.
  const draft = await createVacancy({ specification: draftSpecification, createdBy: hr, status: 'DRAFT' });
  const empty = await createVacancy({ specification: draftSpecification, createdBy: hr, status: 'OPEN' });
  const emptySeat = await addPanelMember(empty, world.peerWorker);
  const closed = await createVacancy({ specification, createdBy: hr, status: 'CLOSED' });

  // Open: candidates who answered, one of whom the peer worker declared a conflict with, one whose pack went out.
  const open = await createVacancy({ specification: answeredSpecification, createdBy: hr, status: 'OPEN' });
  const openCandidate = await createCandidate(open, hr);
  const declaredCandidate = await createCandidate(open, hr);
  const releasedCandidate = await createCandidate(open, hr);
  await db.candidate.update({ where: { id: releasedCandidate.id }, data: { packReleasedAt: new Date() } });
  await panelOf(open);
  await db.conflictDeclaration.create({ data: { vacancyId: open.id, candidateId: declaredCandidate.id, userId: world.peerWorker.id, kind: 'KNOWS_THEM' } });
  const openWithoutPanel = await createVacancy({ specification: answeredSpecification, createdBy: hr, status: 'OPEN' });
  await createCandidate(openWithoutPanel, hr);

  // Shortlisting: one candidate everyone scored (opted into the guaranteed interview, meets the essential criterion),
  // one with only the peer worker's draft, one the peer worker declared a conflict with.
  const shortlisting = await createVacancy({ specification, createdBy: hr, status: 'SHORTLISTING' });
  const scored = await createCandidate(shortlisting, hr, { guaranteedInterview: true });
  const unscored = await createCandidate(shortlisting, hr);
  const conflicted = await createCandidate(shortlisting, hr);
  const shortlistingPanel = await panelOf(shortlisting);
  for (const member of members) await scoreCandidate(scored, member, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 2 });
  await scoreCandidate(unscored, world.peerWorker, 'SHORTLISTING', { [lived.id]: 1 }, { draft: true });
  await db.conflictDeclaration.create({ data: { vacancyId: shortlisting.id, candidateId: conflicted.id, userId: world.peerWorker.id, kind: 'RELATED' } });
  const peerScores = await db.score.findMany({ where: { sheet: { candidateId: scored.id, userId: world.peerWorker.id } }, select: { id: true, criterionId: true } });
  const correctedScore = peerScores.find((entry) => entry.criterionId === lived.id)!;
  const correctableScore = peerScores.find((entry) => entry.criterionId === practical.id)!;
  const sheet = await db.scoreSheet.findFirstOrThrow({ where: { candidateId: scored.id, userId: world.peerWorker.id }, select: { id: true } });
  await db.score.create({ data: { sheetId: sheet.id, criterionId: lived.id, score: 2, correctsId: correctedScore.id, reason: 'Misread the scale' } });
  const repScore = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: scored.id, userId: world.serviceUserRep.id } }, select: { id: true } });
  const draftScore = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: unscored.id, userId: world.peerWorker.id } }, select: { id: true } });

  // Interviewing, one post, already filled: a candidate who missed an essential criterion, one who met them all,
  // one still waiting for scores, one who was not invited.
  const interviewing = await createVacancy({ specification, createdBy: hr, status: 'INTERVIEWING' });
  const alreadyAppointed = await createCandidate(interviewing, hr);
  const missed = await createCandidate(interviewing, hr);
  const meets = await createCandidate(interviewing, hr);
  const waiting = await createCandidate(interviewing, hr);
  const notInvited = await createCandidate(interviewing, hr);
  await db.candidate.updateMany({ where: { id: { in: [alreadyAppointed.id, missed.id, meets.id, waiting.id] } }, data: { shortlistOutcome: 'INVITED' } });
  await db.candidate.update({ where: { id: notInvited.id }, data: { shortlistOutcome: 'NOT_INVITED' } });
  await db.candidate.update({ where: { id: alreadyAppointed.id }, data: { outcome: 'APPOINTED', rationale: 'Best on every criterion' } });
  await panelOf(interviewing);
  for (const member of members) {
    // Both shortlisted on the essentials; the interview decides whether they meet them.
    for (const candidate of [missed, meets]) await scoreCandidate(candidate, member, 'SHORTLISTING', { [lived.id]: 3, [practical.id]: 3 });
    await scoreCandidate(missed, member, 'INTERVIEW', { [lived.id]: 1, [values.id]: 3 });
    await scoreCandidate(meets, member, 'INTERVIEW', { [lived.id]: 3, [values.id]: 3 });
  }

  // Decided: an appointed candidate to hand on, one already handed on, a reserve, a purged one, and one whose account is disabled.
  const decided = await createVacancy({ specification, createdBy: hr, status: 'DECIDED', decidedAt: new Date() });
  const appointed = await createCandidate(decided, hr);
  const handedOn = await createCandidate(decided, hr, { email: world.newcomer.email });
  const reserve = await createCandidate(decided, hr);
  const purged = await createCandidate(decided, hr);
  const disabledAccount = await createCandidate(decided, hr, { email: disabledPerson.email });
  await db.candidate.updateMany({ where: { vacancyId: decided.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Met every criterion' } });
  await db.candidate.update({ where: { id: reserve.id }, data: { outcome: 'RESERVE' } });
  await db.candidate.update({ where: { id: purged.id }, data: { name: null, email: null, phone: null, purgedAt: new Date() } });
  await db.appointment.create({ data: { candidateId: handedOn.id, vacancyId: decided.id, userId: world.newcomer.id, teamId: world.thisTeam.id, roleVersionId: version.id, createdById: hr.id } });
  const decidedPanel = await panelOf(decided);
  await scoreCandidate(appointed, world.peerWorker, 'INTERVIEW', { [lived.id]: 3, [values.id]: 3 });
  const decidedScore = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: appointed.id, userId: world.peerWorker.id } }, select: { id: true } });

  // A vacancy the peer worker is not on.
  const other = await createVacancy({ specification, createdBy: hr, status: 'SHORTLISTING' });
  const otherCandidate = await createCandidate(other, hr);
  await addPanelMember(other, world.managerOfThisTeam, { role: 'CHAIR' });
  await addPanelMember(other, world.serviceUserRep);
  await addPanelMember(other, world.staff);
  await scoreCandidate(otherCandidate, world.serviceUserRep, 'SHORTLISTING', { [lived.id]: 2, [practical.id]: 2 });
  const otherScore = await db.score.findFirstOrThrow({ where: { sheet: { candidateId: otherCandidate.id } }, select: { id: true } });

  return {
    role,
    specification,
    lived,
    values,
    practical,
    draftSpecification,
    answeredSpecification,
    noLivedExperience,
    unagreedSpecification,
    otherTeamSpecification,
    disabledPerson,
    draft,
    empty,
    emptySeat,
    closed,
    open,
    openCandidate,
    openKey: await keyOf(openCandidate),
    declaredKey: await keyOf(declaredCandidate),
    releasedCandidate,
    openWithoutPanel,
    shortlisting,
    shortlistingPanel,
    scored,
    unscored,
    conflicted,
    conflictedKey: await keyOf(conflicted),
    correctedScore,
    correctableScore,
    repScore,
    draftScore,
    interviewing,
    missed,
    meets,
    waiting,
    notInvited,
    decided,
    decidedPanel,
    appointed,
    handedOn,
    reserve,
    purged,
    disabledAccount,
    decidedScore,
    other,
    otherCandidate,
    otherKey: await keyOf(otherCandidate),
    otherScore,
  };
}

let recruitmentFixtures: ReturnType<typeof buildRecruitmentFixtures> | undefined;
const recruitment = (world: World) => (recruitmentFixtures ??= buildRecruitmentFixtures(world));

/**
 * Onboarding records at the stages its actions refuse to work on, built once
 * (the first onboarding entry asks for them): the peer worker's current
 * placement in this team (line-managed by the manager, no peer supervisor, so
 * "no peer supervisor" is an open parity issue) with a removed task, the staff
 * member's ended placement, a placement in the other team, an appointment
 * already placed, templates (in use, empty, archived, another), meetings and
 * systems in both teams, and wellbeing plans shared with someone.
 */
async function buildOnboardingFixtures(world: World) {
  const manager = world.managerOfThisTeam;
  const { role, version } = await agreedRoleWithTerms(world, {});
  const { role: unagreedRole } = await roleInReview(world, { title: 'Role to place on, not yet agreed' });
  const otherTeamRole = await createRole({ team: world.otherTeam, createdBy: world.managerOfOtherTeam, title: 'Other team peer role' });
  const template = await createTemplate({ name: `Bad input template ${world.suffix}`, tasks: [...SMALL_TEMPLATE_TASKS] });
  const templateTask = await db.onboardingTemplateTask.findFirstOrThrow({ where: { templateId: template.id }, select: { id: true } });
  const emptyTemplate = await createTemplate({ tasks: [] });
  const archivedTemplate = await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] });
  await db.onboardingTemplate.update({ where: { id: archivedTemplate.id }, data: { archivedAt: new Date(), version: 2 } });
  const archivedTemplateTask = await db.onboardingTemplateTask.findFirstOrThrow({ where: { templateId: archivedTemplate.id }, select: { id: true } });
  const otherTemplate = await createTemplate({ tasks: [{ ownerRole: 'HR' }] });
  const otherTemplateTask = await db.onboardingTemplateTask.findFirstOrThrow({ where: { templateId: otherTemplate.id }, select: { id: true } });
  const disabledPerson = await createUser({ name: 'Disabled Onboarding Person', disabled: true });

  const { placement, tasks } = await placedPeerWorker(world, { roleVersion: version, lineManager: manager });
  // The HR task was removed from the plan (by the manager).
  await db.onboardingTask.update({ where: { id: tasks.HR.id }, data: { removedAt: new Date(), removedById: manager.id, version: 2 } });
  const ended = await createPlacement(world.thisTeam, world.staff, version, manager, { template });
  await db.placement.update({ where: { id: ended.id }, data: { endedAt: new Date(), version: 2 } });
  const endedTask = await db.onboardingTask.findFirstOrThrow({ where: { planId: ended.planId, ownerRole: 'PEER_WORKER' }, select: { id: true } });
  const otherPlacement = await createPlacement(world.otherTeam, world.newcomer, version, world.managerOfOtherTeam, { template });
  const otherTask = await db.onboardingTask.findFirstOrThrow({ where: { planId: otherPlacement.planId, ownerRole: 'MANAGER' }, select: { id: true } });

  // An appointment already taken up as a placement.
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr, title: 'Placed already' });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'DECIDED', decidedAt: new Date() });
  const candidate = await createCandidate(vacancy, world.hr, { email: world.serviceUserRep.email });
  await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Met every criterion' } });
  const placedAppointment = await db.appointment.create({
    data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: world.serviceUserRep.id, teamId: world.thisTeam.id, roleVersionId: version.id, createdById: world.hr.id, placedAt: new Date() },
    select: { id: true },
  });

  const mainMeeting = await createMeeting(world.thisTeam, { name: 'Team meeting', day: 'WED', main: true });
  const otherMeeting = await createMeeting(world.otherTeam, { name: 'Their meeting', day: 'MON' });
  const staffSystem = await grantSystem(world.staff, 'RiO');
  const otherSystem = await grantSystem(world.managerOfOtherTeam, 'RiO');

  // The peer worker's wellbeing plan, shared with the staff member; HR's, shared with the administrator.
  const peerPlan = await db.wellbeingPlan.create({ data: { userId: world.peerWorker.id, keepsMeWell: 'A walk at lunchtime' }, select: { id: true } });
  const peerShare = await db.wellbeingShare.create({ data: { planId: peerPlan.id, sharedWithId: world.staff.id }, select: { id: true } });
  const hrPlan = await db.wellbeingPlan.create({ data: { userId: world.hr.id, keepsMeWell: 'Cycling in' }, select: { id: true } });
  const hrShare = await db.wellbeingShare.create({ data: { planId: hrPlan.id, sharedWithId: world.admin.id }, select: { id: true } });

  return {
    role,
    unagreedRole,
    otherTeamRole,
    template,
    templateTask,
    emptyTemplate,
    archivedTemplate,
    archivedTemplateTask,
    otherTemplateTask,
    disabledPerson,
    placement,
    tasks,
    ended,
    endedTask,
    otherPlacement,
    otherTask,
    placedAppointment,
    mainMeeting,
    otherMeeting,
    staffSystem,
    otherSystem,
    peerShare,
    hrShare,
  };
}

let onboardingFixtures: ReturnType<typeof buildOnboardingFixtures> | undefined;
const onboarding = (world: World) => (onboardingFixtures ??= buildOnboardingFixtures(world));

const START_DATE = { day: '4', month: '1', year: '2027' };

/**
 * Supervision records at the stages its actions refuse to work on, built once on
 * the onboarding fixtures: the peer worker's agreement (peer supervision from
 * the staff member, line management from the manager, clinical supervision from
 * HR that has ended) with an unsigned session recorded by the staff member, a
 * co-signed one, a co-signed one already amended, an open action and a session
 * already checked in; an agreement in the other team (the newcomer's) and one
 * on the staff member's ended placement; library entries at each status, one by
 * the staff member and one by the newcomer; and the settings row.
 */
async function buildSupervisionFixtures(world: World) {
  const o = await onboarding(world);
  const agreement = await createAgreement(o.placement, world.managerOfThisTeam);
  const peer = await createArrangement(agreement, world.staff, { type: 'PEER' });
  const lineManagement = await createArrangement(agreement, world.managerOfThisTeam, { type: 'LINE_MANAGEMENT' });
  const endedArrangement = await createArrangement(agreement, world.hr, { type: 'CLINICAL', endedAt: new Date() });
  const unsigned = await createSession(peer, { heldOn: HELD_ON });
  const signed = await createSession(peer, { heldOn: HELD_ON, cosignedAt: new Date() });
  const amended = await createSession(peer, { heldOn: HELD_ON, cosignedAt: new Date() });
  const amendment = await createSession(peer, { heldOn: HELD_ON, amends: amended, recordedBy: world.peerWorker });
  const action = await createSessionAction(unsigned, world.peerWorker);
  const checkedIn = await createSession(peer, { heldOn: HELD_ON, cosignedAt: new Date() });
  await createCheckIn(world.peerWorker, world.thisTeam, { session: checkedIn });

  const otherAgreement = await createAgreement(o.otherPlacement, world.managerOfOtherTeam);
  const otherArrangement = await createArrangement(otherAgreement, world.managerOfOtherTeam, { type: 'LINE_MANAGEMENT' });
  const otherSession = await createSession(otherArrangement, { heldOn: HELD_ON });
  const otherAction = await createSessionAction(otherSession, world.newcomer);

  const endedAgreement = await createAgreement(o.ended, world.managerOfThisTeam);
  const endedPlacementArrangement = await createArrangement(endedAgreement, world.peerWorker, { type: 'PEER' });

  const proposed = await createLibraryEntry(world.peerWorker, world.thisTeam, { title: 'Proposed entry' });
  const published = await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'PUBLISHED', reviewedBy: world.staff, title: 'Published entry' });
  const withdrawn = await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'WITHDRAWN', title: 'Withdrawn entry' });
  const declined = await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'DECLINED', reviewedBy: world.staff, title: 'Declined entry' });
  const staffEntry = await createLibraryEntry(world.staff, world.thisTeam, { title: 'The peer supervisor’s own entry' });
  const newcomerEntry = await createLibraryEntry(world.newcomer, world.otherTeam, { title: 'Another author’s entry' });

  await db.supervisionSettings.upsert({ where: { id: 1 }, create: { id: 1, smallNumbersThreshold: 5 }, update: {} });
  const settingsVersion = (await db.supervisionSettings.findUniqueOrThrow({ where: { id: 1 }, select: { version: true } })).version;

  return {
    o,
    agreement,
    peer,
    lineManagement,
    endedArrangement,
    unsigned,
    signed,
    amended,
    amendment,
    action,
    checkedIn,
    otherAgreement,
    otherArrangement,
    otherSession,
    otherAction,
    endedAgreement,
    endedPlacementArrangement,
    proposed,
    published,
    withdrawn,
    declined,
    staffEntry,
    newcomerEntry,
    settingsVersion,
  };
}

let supervisionFixtures: ReturnType<typeof buildSupervisionFixtures> | undefined;
const supervision = (world: World) => (supervisionFixtures ??= buildSupervisionFixtures(world));

/** A session's held date, in the past. */
const HELD_ON = new Date(Date.UTC(2026, 10, 20));
const HELD_ON_FIELDS = { day: '20', month: '11', year: '2026' };
const TOMORROW = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);

/** Bad session fields (date, length, who attended, topics, notes), shared by recording, changing and amending. */
function sessionFieldCases(valid: Valid): BadInputCase[] {
  return [
    ...fieldCases(valid, { attendees: 'optionalText' }),
    ...dateCases(valid, 'heldOn'),
    withField(valid, 'heldOn', 'a day still to come', { day: String(TOMORROW.getUTCDate()), month: String(TOMORROW.getUTCMonth() + 1), year: String(TOMORROW.getUTCFullYear()) }, 'heldOn.day'),
    ...numberCases(valid, 'durationMinutes', [
      ['missing', MISSING],
      ['4 minutes', '4'],
      ['601 minutes', '601'],
      ['a fraction', '1.5'],
      ['words', 'an hour'],
      ['an object', { minutes: 60 }],
    ]),
    withField(valid, 'topics', 'a topic not in the catalogue', ['role-clarity', 'gossip']),
    withField(valid, 'topics', 'a number', 12345),
    withField(valid, 'topics', 'an object', { topic: 'role-clarity' }),
    withField(valid, 'topics', '12 topics', Array.from({ length: 12 }, (_, index) => `topic-${index}`)),
    withField(valid, 'topics', 'a topic of 10,000 characters', [LONG], 'topics.0'),
    withField(valid, 'notes', 'missing', MISSING),
    withField(valid, 'notes', 'blank', '   '),
    withField(valid, 'notes', 'a number', 12345),
    withField(valid, 'notes', 'an object', { text: 'notes' }),
    withField(valid, 'notes', '20,001 characters', 'x'.repeat(20_001)),
    ...UNSAFE_CHARACTERS.map(([label, value]) => withField(valid, 'notes', label, value)),
  ];
}

/** Bad values of an NHS date input, each a field error on the date or the part that is wrong. */
function dateCases(valid: Valid, field: string): BadInputCase[] {
  return [
    withField(valid, field, 'missing', MISSING),
    withField(valid, field, 'text', 'next Monday'),
    withField(valid, field, 'a day that does not exist', { day: '30', month: '2', year: '2027' }, `${field}.day`),
    withField(valid, field, 'month 13', { day: '1', month: '13', year: '2027' }, `${field}.month`),
    withField(valid, field, 'a year as a number', { day: '1', month: '1', year: 2027 }, `${field}.year`),
    withField(valid, field, 'a year before 2000', { day: '1', month: '1', year: '1999' }, `${field}.year`),
  ];
}

/** Bad contract terms and working days, shared by starting and changing a placement. */
function arrangementCases(valid: Valid): BadInputCase[] {
  return [
    ...numberCases(valid, 'band', [
      ['zero', '0'],
      ['ten', '10'],
      ['a fraction', '4.5'],
      ['words', 'four'],
      ['an object', { band: 4 }],
    ]),
    ...numberCases(valid, 'hoursPerWeek', [
      ['missing', MISSING],
      ['zero', '0'],
      ['49', '49'],
      ['not to the half hour', '22.4'],
      ['words', 'lots'],
      ['null', null],
    ]),
    withField(valid, 'workingDays', 'missing', MISSING),
    withField(valid, 'workingDays', 'an empty list', []),
    withField(valid, 'workingDays', 'a number', 12345),
    withField(valid, 'workingDays', 'a day not in the list', 'FUNDAY', 'workingDays.0'),
    withField(valid, 'workingDays', 'a good day then a bad one', ['MON', 'Someday'], 'workingDays.1'),
    withField(valid, 'workingDays', 'eight days', ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'MON']),
    ...dateCases(valid, 'startDate'),
    withField(valid, 'lineManagerEmail', 'not an email', 'not-an-email'),
    withField(valid, 'lineManagerEmail', 'a number', 12345),
    withField(valid, 'lineManagerEmail', '10,000 characters', `${LONG}@peerroles.test`),
    withField(valid, 'peerSupervisorEmail', 'not an email', 'someone at the trust'),
    withField(valid, 'peerSupervisorEmail', 'an object', { email: 'a@b.test' }),
  ];
}

const DESCRIPTORS = { 0: 'No evidence', 1: 'Some evidence', 2: 'Meets the criterion', 3: 'Good evidence', 4: 'Strong evidence' };
const CLOSING_DATE = { day: '31', month: '3', year: String(new Date().getUTCFullYear() + 1) };

/** Bad values of one whole-number field, each a field error on it. */
function numberCases(valid: Valid, field: string, values: Array<[string, unknown]>): BadInputCase[] {
  return values.map(([label, value]) => {
    const input: Valid = { ...valid };
    if (value === MISSING) delete input[field];
    else input[field] = value;
    return { label: `${field}: ${label}`, input, expect: { code: 'VALIDATION', field } as const };
  });
}

/** A case with one field replaced, expecting a field error on `field` (the replaced one unless given). */
function withField(valid: Valid, name: string, label: string, value: unknown, field = name): BadInputCase {
  const input: Valid = { ...valid };
  if (value === MISSING) delete input[name];
  else input[name] = value;
  return { label: `${name}: ${label}`, input, expect: { code: 'VALIDATION', field } };
}

interface BadInputEntry {
  /** Who sends the cases (unless a case says otherwise); an administrator by default. */
  caller?: Caller;
  cases: (world: World, fixtures: RoleFixtures) => BadInputCase[] | Promise<BadInputCase[]>;
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
  'person.signIn.unlock': {
    cases: (world) => [
      ...fieldCases({ userId: world.newcomer.id }, { userId: 'uuid' }),
      { label: 'a person who does not exist', input: { userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
      emptyFormCase('userId'),
    ],
  },
  'person.sessions.end': {
    cases: (world) => [
      ...fieldCases({ userId: world.newcomer.id }, { userId: 'uuid' }),
      { label: 'a person who does not exist', input: { userId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
      { label: 'the administrator themselves', input: { userId: world.admin.id }, expect: { code: 'CONFLICT' } },
      emptyFormCase('userId'),
    ],
  },
  // Nothing to choose: input that is not an object, or names a field (someone else's session), is wrong.
  'account.sessions.end': {
    cases: (world) => [
      { label: 'a person to sign out', input: { userId: world.newcomer.id }, expect: { code: 'VALIDATION', field: '_form' } },
      { label: 'a session to keep', input: { sessionId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: '_form' } },
    ],
  },
  'account.notifications.update': {
    cases: () => {
      const valid = { delivery: 'EACH', emailed: ['REVIEW_REQUESTED', 'REMINDER'] };
      const withEmailed = (label: string, value: unknown, field = 'emailed'): BadInputCase => ({ label: `emailed: ${label}`, input: { ...valid, emailed: value }, expect: { code: 'VALIDATION', field } });
      return [
        ...fieldCases(valid, { delivery: 'enum' }),
        withEmailed('not a kind of request', ['SUPERUSER'], 'emailed.0'),
        withEmailed('a set-password link, which cannot be switched off', ['PASSWORD_LINK'], 'emailed.0'),
        withEmailed('a good kind then a bad one', ['REMINDER', 'reminder'], 'emailed.1'),
        withEmailed('a number', 12345),
        withEmailed('an object', { kind: 'REMINDER' }),
        withEmailed('null', null),
        { label: 'an unexpected field', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: '_form' } },
        emptyFormCase('delivery'),
      ];
    },
  },
  'notifications.settings.update': {
    cases: () => {
      const valid = { reminderWorkingDays: 3, version: 1 };
      const withDays = (label: string, value: unknown): BadInputCase => ({ label: `reminderWorkingDays: ${label}`, input: { ...valid, reminderWorkingDays: value }, expect: { code: 'VALIDATION', field: 'reminderWorkingDays' } });
      return [
        ...fieldCases(valid, { version: 'version' }),
        withDays('missing', undefined),
        withDays('zero', 0),
        withDays('21', 21),
        withDays('negative', -3),
        withDays('a fraction', 2.5),
        withDays('words', 'three'),
        withDays('an empty string', ''),
        withDays('an object', { days: 3 }),
        withDays('10,000 characters', LONG),
        { label: 'a version someone else has saved since', input: { ...valid, version: 7 }, expect: { code: 'CONFLICT' } },
        emptyFormCase('reminderWorkingDays'),
      ];
    },
  },
  'people.import.upload': {
    cases: () => [
      { label: 'neither a file nor rows', input: {}, expect: { code: 'VALIDATION', field: 'file' } },
      { label: 'a file that is text, not a file', input: { file: 'Name,Email' }, expect: { code: 'VALIDATION', field: 'file' } },
      { label: 'rows that are not text', input: { pasted: ['Name', 'Email'] }, expect: { code: 'VALIDATION', field: 'pasted' } },
      { label: 'over 10 MB of pasted rows', input: { pasted: 'x'.repeat(10 * 1024 * 1024 + 1) }, expect: { code: 'VALIDATION', field: 'pasted' } },
      { label: 'pasted rows with no one under the header', input: { pasted: 'Name\tEmail' }, expect: { code: 'VALIDATION', field: 'pasted' } },
      { label: 'an empty file', input: { file: new File([], 'staff.csv') }, expect: { code: 'VALIDATION', field: 'file' } },
      { label: 'a workbook', input: { file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], 'staff.xlsx') }, expect: { code: 'VALIDATION', field: 'file' } },
      { label: 'a 50 MB file', input: { file: new File([new Uint8Array(50 * 1024 * 1024)], 'staff.csv') }, expect: { code: 'VALIDATION', field: 'file' } },
      emptyFormCase('file'),
    ],
  },
  'people.import.columns': {
    cases: async (world) => {
      const draft = await db.peopleImport.create({ data: { createdById: world.admin.id, fileName: 'staff.csv', cells: [['A', 'B'], ['Bad Input', `bad-columns-${world.suffix}@peerroles.test`]], mapping: { name: null, email: null, jobTitle: null, team: null, teamRole: null, orgRole: null } }, select: { id: true } });
      const valid = { importId: draft.id, version: '1', name: '0', email: '1', jobTitle: '', team: '', teamRole: '', orgRole: '' };
      return [
        ...fieldCases(valid, { importId: 'uuid', version: 'version' }),
        { label: 'a column that is not a number', input: { ...valid, email: 'B' }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'a negative column', input: { ...valid, email: '-1' }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'no email column', input: { ...valid, email: '' }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'a column past the file’s last', input: { ...valid, team: '7', teamRole: '' }, expect: { code: 'VALIDATION', field: 'team' } },
        { label: 'an import that does not exist', input: { ...valid, importId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: '2' }, expect: { code: 'CONFLICT' } },
        emptyFormCase('importId'),
      ];
    },
  },
  'people.import.confirm': {
    cases: async (world) => {
      const draft = await db.peopleImport.create({ data: { createdById: world.admin.id, fileName: 'staff.csv', cells: [['Name', 'Email'], ['Bad Input', `bad-confirm-${world.suffix}@peerroles.test`]], mapping: { name: 0, email: 1, jobTitle: null, team: null, teamRole: null, orgRole: null } }, select: { id: true } });
      const valid = { importId: draft.id, version: '1', expected: '1-0-0-0-0' };
      return [
        ...fieldCases(valid, { importId: 'uuid', version: 'version' }),
        { label: 'expected counts that are not counts', input: { ...valid, expected: '1-0-0' }, expect: { code: 'VALIDATION', field: 'expected' } },
        { label: 'expected counts with SQL', input: { ...valid, expected: "1-0-0-0-0' OR 1=1" }, expect: { code: 'VALIDATION', field: 'expected' } },
        { label: 'disabling with a value other than yes', input: { ...valid, disableMissing: 'true' }, expect: { code: 'VALIDATION', field: 'disableMissing' } },
        { label: 'counts that do not match the preview', input: valid, expect: { code: 'CONFLICT' } },
        { label: 'an import that does not exist', input: { ...valid, importId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: '2' }, expect: { code: 'CONFLICT' } },
        emptyFormCase('importId'),
      ];
    },
  },
  'job.retry': {
    cases: () => [
      ...fieldCases({ jobId: UNKNOWN_ID }, { jobId: 'uuid' }),
      { label: 'a job that does not exist (or has not failed)', input: { jobId: UNKNOWN_ID }, expect: { code: 'CONFLICT' } },
      { label: 'an unexpected field', input: { jobId: UNKNOWN_ID, queue: 'notification.email' }, expect: { code: 'VALIDATION', field: '_form' } },
      emptyFormCase('jobId'),
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
  'role.create': {
    cases: (world, fixtures) => {
      const valid = { teamId: world.thisTeam.id, title: 'Peer support worker' };
      return [
        ...fieldCases(valid, { teamId: 'uuid', title: 'text' }),
        { label: 'a title of 121 characters', input: { ...valid, title: 'x'.repeat(121) }, expect: { code: 'VALIDATION', field: 'title' } },
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a person id given as the team', input: { ...valid, teamId: world.staff.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'an archived team', input: { ...valid, teamId: fixtures.archivedTeam.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's id, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, teamId: world.otherTeam.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'role.draft.save': {
    cases: (world, fixtures) => {
      const valid = { roleId: fixtures.draftRole.id, draftVersion: 2, section: 'purpose', value: { text: 'A new purpose' } };
      const section = (label: string, name: string, value: unknown, field: string): BadInputCase => ({
        label: `${name}: ${label}`,
        input: { ...valid, section: name, value },
        expect: { code: 'VALIDATION', field },
      });
      const working = { contractType: 'PERMANENT', hoursPerWeek: '22.5', workingDays: ['MON'], payBand: 'Band 3', base: 'Base', teamMeetings: 'yes', recordsAccess: 'yes', sameIt: 'yes' };
      return [
        ...fieldCases(valid, { roleId: 'uuid', draftVersion: 'version', section: 'enum' }),
        { label: 'value: missing', input: { ...valid, value: undefined }, expect: { code: 'VALIDATION', field: 'value' } },
        { label: 'value: text', input: { ...valid, value: 'A new purpose' }, expect: { code: 'VALIDATION', field: 'value' } },
        { label: 'value: a number', input: { ...valid, value: 12 }, expect: { code: 'VALIDATION', field: 'value' } },
        { label: 'value: a list', input: { ...valid, value: ['A new purpose'] }, expect: { code: 'VALIDATION', field: 'value' } },
        { label: 'value: null', input: { ...valid, value: null }, expect: { code: 'VALIDATION', field: 'value' } },
        section('text missing', 'purpose', {}, 'text'),
        section('text a number', 'purpose', { text: 12345 }, 'text'),
        section('10,000 characters', 'purpose', { text: LONG }, 'text'),
        section('10,000 characters', 'training', { text: LONG }, 'text'),
        section('a line of 600 characters', 'responsibilities', { items: `Offer peer support\n${'x'.repeat(600)}` }, 'items.1'),
        section('a list instead of lines', 'notPart', { items: { first: 'Observations' } }, 'items'),
        section('31 values', 'values', { selected: Array.from({ length: 31 }, (_, index) => `Value ${index}`) }, 'selected'),
        section('a value not in the template', 'values', { selected: ['Mutuality', 'Whatever I like'] }, 'selected'),
        section('a right-to-left override in a value', 'values', { selected: ['Mutuality\u202e'] }, 'selected.0'),
        section('a control character in a responsibility', 'responsibilities', { items: `Offer peer support\nRun\u0007 groups` }, 'items.1'),
        section('a tab in a pay band', 'working', { ...working, payBand: 'Band\t3' }, 'payBand'),
        section('a right-to-left override in the purpose', 'purpose', { text: 'Support \u202eeno' }, 'text'),
        section('a contract type not in the list', 'working', { ...working, contractType: 'ZERO_HOURS' }, 'contractType'),
        section('hours that are not a number', 'working', { ...working, hoursPerWeek: 'lots' }, 'hoursPerWeek'),
        section('100 hours a week', 'working', { ...working, hoursPerWeek: '100' }, 'hoursPerWeek'),
        section('a day not in the list', 'working', { ...working, workingDays: ['MON', 'FUNDAY'] }, 'workingDays.1'),
        section('yes or no missing', 'working', { ...working, sameIt: undefined }, 'sameIt'),
        section('a row with no frequency', 'supervision', { rows: { 0: { type: 'PEER_SUPERVISION', provider: 'A peer', everyWeeks: '' } } }, 'rows.0.everyWeeks'),
        section('a row with no type', 'supervision', { rows: { 2: { type: '', provider: 'A peer', everyWeeks: '4' } } }, 'rows.2.type'),
        section('a frequency of 0 weeks', 'supervision', { rows: { 1: { type: 'LINE_MANAGEMENT', provider: '', everyWeeks: '0' } } }, 'rows.1.everyWeeks'),
        { label: 'a role that does not exist', input: { ...valid, roleId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a version id given as the role', input: { ...valid, roleId: fixtures.inReviewVersion.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale draft version (someone saved since)', input: { ...valid, draftVersion: 1 }, expect: { code: 'CONFLICT' } },
        { label: "another team's role, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, roleId: fixtures.otherRole.id, draftVersion: 1 }, expect: { code: 'FORBIDDEN' } },
        { label: "this team's role, as the other team's manager", as: 'managerOfOtherTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('roleId'),
      ];
    },
  },
  'role.submit': {
    cases: (world, fixtures) => {
      const valid = { roleId: fixtures.draftRole.id, draftVersion: 2 };
      return [
        ...fieldCases(valid, { roleId: 'uuid', draftVersion: 'version' }),
        { label: 'a role that does not exist', input: { ...valid, roleId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale draft version', input: { ...valid, draftVersion: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'a draft with incomplete sections', input: { roleId: fixtures.incompleteRole.id, draftVersion: 1 }, expect: { code: 'VALIDATION', field: '_form' } },
        { label: 'a draft unchanged since its last version', input: { roleId: fixtures.reviewedRole.id, draftVersion: 1 }, expect: { code: 'CONFLICT' } },
        { label: "another team's role, as this team's manager", as: 'managerOfThisTeam', input: { roleId: fixtures.otherRole.id, draftVersion: 1 }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('roleId'),
      ];
    },
  },
  'role.reviewers.invite': {
    cases: (world, fixtures) => {
      const valid = { versionId: fixtures.inReviewVersion.id, userIds: [world.peerWorker.id] };
      return [
        ...fieldCases(valid, { versionId: 'uuid' }),
        ...userIdsCases(valid, world),
        { label: 'someone already invited', input: { ...valid, userIds: [world.staff.id] }, expect: { code: 'VALIDATION', field: 'userIds' } },
        { label: 'a version that does not exist', input: { ...valid, versionId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a role id given as the version', input: { ...valid, versionId: fixtures.reviewedRole.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a superseded version', input: { ...valid, versionId: fixtures.supersededVersion.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's version, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, versionId: fixtures.otherVersion.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('versionId'),
      ];
    },
  },
  'role.version.agree': {
    caller: 'staff',
    cases: (world, fixtures) => {
      const valid = { versionId: fixtures.inReviewVersion.id };
      return [
        ...fieldCases(valid, { versionId: 'uuid' }),
        { label: 'a version that does not exist', input: { versionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's version", input: { versionId: fixtures.otherVersion.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a version of this team the reviewer was not invited to', input: { versionId: fixtures.uninvitedVersion.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a superseded version', input: { versionId: fixtures.supersededVersion.id }, expect: { code: 'CONFLICT' } },
        { label: 'agreeing a second time', as: 'serviceUserRep', input: valid, expect: { code: 'CONFLICT' } },
        emptyFormCase('versionId'),
      ];
    },
  },
  'role.concern.raise': {
    caller: 'staff',
    cases: (world, fixtures) => {
      const valid = { versionId: fixtures.inReviewVersion.id, section: 'working', comment: 'The hours are too few to attend team meetings.' };
      return [
        ...fieldCases(valid, { versionId: 'uuid', section: 'enum', comment: 'text' }),
        { label: 'a version that does not exist', input: { ...valid, versionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's version", input: { ...valid, versionId: fixtures.otherVersion.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a version of this team the reviewer was not invited to', input: { ...valid, versionId: fixtures.uninvitedVersion.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a superseded version', input: { ...valid, versionId: fixtures.supersededVersion.id }, expect: { code: 'CONFLICT' } },
        emptyFormCase('versionId'),
      ];
    },
  },
  'role.concern.reply': {
    cases: (world, fixtures) => {
      const valid = { concernId: fixtures.openConcern.id, body: 'We will look at this.' };
      return [
        ...fieldCases(valid, { concernId: 'uuid', body: 'text' }),
        { label: 'a concern that does not exist', input: { ...valid, concernId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a version id given as the concern', input: { ...valid, concernId: fixtures.inReviewVersion.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a resolved concern', input: { ...valid, concernId: fixtures.resolvedConcern.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's concern, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, concernId: fixtures.otherConcern.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a concern on a version the peer worker does not review', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('concernId'),
      ];
    },
  },
  'role.concern.resolve': {
    cases: (world, fixtures) => {
      const valid = { concernId: fixtures.openConcern.id, reason: 'Changed in the next version.' };
      return [
        ...fieldCases(valid, { concernId: 'uuid', reason: 'optionalText' }),
        { label: "someone else's concern without a reason, as the manager", as: 'managerOfThisTeam', input: { concernId: fixtures.openConcern.id }, expect: { code: 'VALIDATION', field: 'reason' } },
        { label: "someone else's concern with a blank reason, as an administrator", input: { ...valid, reason: '   ' }, expect: { code: 'VALIDATION', field: 'reason' } },
        { label: "someone else's concern, as another reviewer of the version", as: 'serviceUserRep', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "someone else's concern, as a peer worker of the team", as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "another team's concern, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, concernId: fixtures.otherConcern.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a resolved concern', input: { ...valid, concernId: fixtures.resolvedConcern.id }, expect: { code: 'CONFLICT' } },
        { label: 'a concern that does not exist', input: { ...valid, concernId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('concernId'),
      ];
    },
  },
  'role.expectations.send': {
    cases: (world, fixtures) => {
      const valid = { roleId: fixtures.roleForChecks.id, userIds: [world.staff.id, world.serviceUserRep.id] };
      return [
        ...fieldCases(valid, { roleId: 'uuid' }),
        ...userIdsCases(valid, world),
        { label: 'a role that does not exist', input: { ...valid, roleId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a team id given as the role', input: { ...valid, roleId: world.thisTeam.id }, expect: { code: 'NOT_FOUND' } },
        { label: "another team's role, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, roleId: fixtures.otherRole.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('roleId'),
      ];
    },
  },
  'role.expectations.answer': {
    caller: 'peerWorker',
    cases: async (world, fixtures) => {
      const catalogue = await activityCatalogue(world.thisTeam);
      expect(catalogue.map((activity) => activity.id)).toContain(fixtures.thisTeamActivity.id);
      const answers = answersFor(catalogue, { default: 'CORE' });
      const [first, second] = catalogue;
      const valid = { checkId: fixtures.check.id, answers };
      const withAnswers = (label: string, value: unknown, field = 'answers'): BadInputCase => ({ label: `answers: ${label}`, input: { ...valid, answers: value }, expect: { code: 'VALIDATION', field } });
      return [
        ...fieldCases(valid, { checkId: 'uuid' }),
        withAnswers('missing', undefined),
        withAnswers('text', 'CORE'),
        withAnswers('a list', ['CORE']),
        withAnswers('null', null),
        withAnswers('a number', 3),
        withAnswers('an answer not in the list', { ...answers, [first.id]: 'MAYBE' }, `answers.${first.id}`),
        withAnswers('an answer in lower case', { ...answers, [first.id]: 'core' }, `answers.${first.id}`),
        withAnswers('an answer of 10,000 characters', { ...answers, [first.id]: LONG }, `answers.${first.id}`),
        withAnswers('an activity id that is not a uuid', { ...answers, 'not-a-uuid': 'CORE' }, 'answers.not-a-uuid'),
        withAnswers('one activity left out', without(answers, second.id), `answers.${second.id}`),
        withAnswers('nothing answered', {}, `answers.${first.id}`),
        withAnswers("another team's own activity", { ...answers, [fixtures.otherTeamActivity.id]: 'CORE' }),
        withAnswers('an archived activity', { ...answers, [fixtures.archivedActivity.id]: 'CORE' }),
        withAnswers('an activity that does not exist', { ...answers, [UNKNOWN_ID]: 'CORE' }),
        { label: 'a closed check', input: { ...valid, checkId: fixtures.closedCheck.id }, expect: { code: 'CONFLICT' } },
        { label: 'a check the peer worker was not sent', input: { ...valid, checkId: fixtures.checkWithoutPeer.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's check", input: { ...valid, checkId: fixtures.otherCheck.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a check that does not exist', input: { ...valid, checkId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('checkId'),
      ];
    },
  },
  'role.expectations.close': {
    cases: (world, fixtures) => {
      const valid = { checkId: fixtures.check.id };
      return [
        ...fieldCases(valid, { checkId: 'uuid' }),
        { label: 'a check that has already closed', input: { checkId: fixtures.closedCheck.id }, expect: { code: 'CONFLICT' } },
        { label: 'a check of an archived team', input: { checkId: fixtures.archivedTeamCheck.id }, expect: { code: 'CONFLICT' } },
        { label: 'a check that does not exist', input: { checkId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a role id given as the check', input: { checkId: fixtures.draftRole.id }, expect: { code: 'NOT_FOUND' } },
        { label: "another team's check, as this team's manager", as: 'managerOfThisTeam', input: { checkId: fixtures.otherCheck.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a participant who does not manage the team', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('checkId'),
      ];
    },
  },
  'role.contested.resolve': {
    cases: async (world, fixtures) => {
      const contested = await catalogueActivity('Writing in clinical records');
      const agreed = await catalogueActivity('One-to-one peer support');
      const valid = { checkId: fixtures.check.id, activityId: contested.id, outcome: 'CLARIFIED', section: 'responsibilities', note: 'Peer workers write brief notes of their contacts.' };
      return [
        ...fieldCases(valid, { checkId: 'uuid', activityId: 'uuid', outcome: 'enum', section: 'enum', note: 'text' }),
        { label: 'an activity that is not contested', input: { ...valid, activityId: agreed.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's own activity", input: { ...valid, activityId: fixtures.otherTeamActivity.id }, expect: { code: 'VALIDATION', field: 'activityId' } },
        { label: 'an activity that does not exist', input: { ...valid, activityId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'activityId' } },
        { label: 'a check that does not exist', input: { ...valid, checkId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: "another team's check, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, checkId: fixtures.otherCheck.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a participant who does not manage the team', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('checkId'),
      ];
    },
  },
  'role.template.update': {
    cases: () => {
      const valid = { version: 1, purpose: 'Purpose', training: 'Training', progression: 'Progression', valueOptions: 'Hope\nMutuality', notPartOptions: 'Observations' };
      const list = (field: 'valueOptions' | 'notPartOptions', label: string, value: unknown, errorField: string = field): BadInputCase => ({
        label: `${field}: ${label}`,
        input: { ...valid, [field]: value },
        expect: { code: 'VALIDATION', field: errorField },
      });
      return [
        ...fieldCases(valid, { version: 'version', purpose: 'optionalText', training: 'optionalText', progression: 'optionalText' }),
        list('valueOptions', 'missing', undefined),
        list('valueOptions', 'a number', 12),
        list('valueOptions', 'a list', ['Hope']),
        list('valueOptions', 'null', null),
        list('valueOptions', 'only blank lines', '  \n \n'),
        list('valueOptions', 'a value of 200 characters', `Hope\n${'x'.repeat(200)}`, 'valueOptions.1'),
        list('valueOptions', '31 values', Array.from({ length: 31 }, (_, index) => `Value ${index}`).join('\n')),
        list('valueOptions', '25,000 characters', 'x'.repeat(25_000)),
        list('notPartOptions', 'missing', undefined),
        list('notPartOptions', 'an object', { first: 'Observations' }),
        list('notPartOptions', 'an example of 600 characters', 'x'.repeat(600), 'notPartOptions.0'),
        list('notPartOptions', '41 examples', Array.from({ length: 41 }, (_, index) => `Example ${index}`).join('\n')),
        { label: 'a stale template version', input: { ...valid, version: 2 }, expect: { code: 'CONFLICT' } },
        emptyFormCase('version'),
      ];
    },
  },
  'activity.create': {
    cases: (world, fixtures) => {
      const valid = { teamId: world.thisTeam.id, name: 'Bad input: a new activity', description: '' };
      const withTeam = (label: string, value: unknown): BadInputCase => ({ label: `teamId: ${label}`, input: { ...valid, teamId: value }, expect: { code: 'VALIDATION', field: 'teamId' } });
      return [
        ...fieldCases(valid, { name: 'text', description: 'optionalText' }),
        withTeam('not a uuid', 'not-a-uuid'),
        withTeam('a number', 12345),
        withTeam('an object', { id: world.thisTeam.id }),
        withTeam('null', null),
        withTeam('a truncated uuid', world.thisTeam.id.slice(0, -1)),
        withTeam('10,000 characters', `${world.thisTeam.id}${LONG}`),
        { label: 'a name of 121 characters', input: { ...valid, name: 'x'.repeat(121) }, expect: { code: 'VALIDATION', field: 'name' } },
        { label: "a name in the organisation's catalogue, in other case", input: { ...valid, name: 'RISK ASSESSMENT' }, expect: { code: 'VALIDATION', field: 'name' } },
        { label: "a name in the team's own catalogue", input: { ...valid, name: fixtures.thisTeamActivity.name }, expect: { code: 'VALIDATION', field: 'name' } },
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: "another team, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, teamId: world.otherTeam.id }, expect: { code: 'FORBIDDEN' } },
        { label: "an organisation-wide activity, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, teamId: '' }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('name'),
      ];
    },
  },
  'activity.archive': {
    cases: (world, fixtures) => {
      const valid = { activityId: fixtures.thisTeamActivity.id };
      return [
        ...fieldCases(valid, { activityId: 'uuid' }),
        { label: 'an activity that does not exist', input: { activityId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a team id given as the activity', input: { activityId: world.thisTeam.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'an activity already archived', input: { activityId: fixtures.archivedActivity.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's activity, as this team's manager", as: 'managerOfThisTeam', input: { activityId: fixtures.otherTeamActivity.id }, expect: { code: 'FORBIDDEN' } },
        { label: "an organisation-wide activity, as this team's manager", as: 'managerOfThisTeam', input: { activityId: fixtures.organisationActivity.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('activityId'),
      ];
    },
  },
  'team.policy.update': {
    cases: (world) => {
      const minimums = { MANAGER: 1, STAFF: 1, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 1, PEER_OR_REP: 1 };
      const valid = { teamId: world.thisTeam.id, version: world.thisTeam.version, minimums };
      const withMinimums = (label: string, value: unknown, field: string): BadInputCase => ({ label: `minimums: ${label}`, input: { ...valid, minimums: value }, expect: { code: 'VALIDATION', field } });
      return [
        ...fieldCases(valid, { teamId: 'uuid', version: 'version' }),
        { label: 'a version someone else has saved since', input: { ...valid, version: world.thisTeam.version + 5 }, expect: { code: 'CONFLICT' } },
        withMinimums('missing', undefined, 'minimums'),
        withMinimums('text', 'all of them', 'minimums'),
        withMinimums('null', null, 'minimums'),
        withMinimums('a list', [1, 1, 1], 'minimums'),
        withMinimums('one group left out', without(minimums, 'HR'), 'minimums.HR'),
        withMinimums('a negative number', { ...minimums, MANAGER: -1 }, 'minimums.MANAGER'),
        withMinimums('more than 20', { ...minimums, STAFF: 21 }, 'minimums.STAFF'),
        withMinimums('a fraction', { ...minimums, HR: 1.5 }, 'minimums.HR'),
        withMinimums('text for a number', { ...minimums, PEER_OR_REP: 'one' }, 'minimums.PEER_OR_REP'),
        withMinimums('10,000 characters', { ...minimums, PEER_WORKER: LONG }, 'minimums.PEER_WORKER'),
        withMinimums('nobody required at all', { MANAGER: 0, STAFF: 0, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 0, PEER_OR_REP: 0 }, '_form'),
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: "the team's own manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  // ---- Recruitment ----
  'recruitment.specification.create': {
    caller: 'hr',
    cases: async (world, fixtures) => {
      const { role } = await recruitment(world);
      const valid = { roleId: role.id, title: 'Peer support worker' };
      return [
        ...fieldCases(valid, { roleId: 'uuid', title: 'text' }),
        { label: 'a role that does not exist', input: { ...valid, roleId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a team id given as the role', input: { ...valid, roleId: world.thisTeam.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a role with only a draft', input: { ...valid, roleId: fixtures.draftRole.id }, expect: { code: 'VALIDATION', field: 'roleId' } },
        { label: 'a role whose only version is in review', input: { ...valid, roleId: fixtures.reviewedRole.id }, expect: { code: 'VALIDATION', field: 'roleId' } },
        { label: "another team's role, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, roleId: fixtures.otherRole.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('roleId'),
      ];
    },
  },
  'recruitment.criterion.save': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = {
        specificationId: r.draftSpecification.id,
        version: 1,
        category: 'VALUES',
        wording: 'Commitment to mutuality',
        essential: 'yes',
        assessedBy: ['INTERVIEW'],
        weight: 1,
        descriptors: DESCRIPTORS,
        questions: 'What does mutuality mean to you?',
      };
      return [
        ...fieldCases(valid, { specificationId: 'uuid', version: 'version', category: 'enum', wording: 'text', essential: 'enum' }),
        withField(valid, 'criterionId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'assessedBy', 'missing', MISSING),
        withField(valid, 'assessedBy', 'an empty list', []),
        withField(valid, 'assessedBy', 'a number', 12345),
        withField(valid, 'assessedBy', 'a method not in the list', ['INTERVIEW', 'SEANCE'], 'assessedBy.1'),
        ...numberCases(valid, 'weight', [
          ['missing', MISSING],
          ['zero', 0],
          ['six', 6],
          ['a fraction', 1.5],
          ['words', 'heavy'],
        ]),
        withField(valid, 'descriptors', 'missing', MISSING),
        withField(valid, 'descriptors', 'text', 'Good'),
        withField(valid, 'descriptors', 'a blank descriptor', { ...DESCRIPTORS, 3: '  ' }, 'descriptors.3'),
        withField(valid, 'descriptors', 'one left out', without(DESCRIPTORS, '4'), 'descriptors.4'),
        withField(valid, 'descriptors', 'a descriptor of 10,000 characters', { ...DESCRIPTORS, 0: LONG }, 'descriptors.0'),
        withField(valid, 'questions', 'missing', MISSING),
        withField(valid, 'questions', 'a number', 12345),
        withField(valid, 'questions', 'a question of 600 characters', `First question\n${'x'.repeat(600)}`, 'questions.1'),
        withField(valid, 'questions', '21 questions', Array.from({ length: 21 }, (_, index) => `Question ${index}`).join('\n')),
        withField(valid, 'questions', 'a right-to-left override', 'Why \u202eus', 'questions.0'),
        { label: 'a specification that does not exist', input: { ...valid, specificationId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'a specification a vacancy is scoring against', input: { ...valid, specificationId: r.specification.id }, expect: { code: 'CONFLICT' } },
        { label: 'a criterion of another specification', input: { ...valid, criterionId: r.lived.id }, expect: { code: 'NOT_FOUND' } },
        { label: "another team's specification, as this team's manager", as: 'managerOfThisTeam', input: { ...valid, specificationId: r.otherTeamSpecification.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('specificationId'),
      ];
    },
  },
  'recruitment.criterion.remove': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { criterionId: r.draftSpecification.criteria[2].id, version: 1 };
      return [
        ...fieldCases(valid, { criterionId: 'uuid', version: 'version' }),
        { label: 'a criterion that does not exist', input: { ...valid, criterionId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a specification id given as the criterion', input: { ...valid, criterionId: r.draftSpecification.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'a criterion candidates have answered', input: { criterionId: r.answeredSpecification.criteria[0].id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'a criterion a vacancy is scoring against', input: { criterionId: r.practical.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: "another team's criterion, as this team's manager", as: 'managerOfThisTeam', input: { criterionId: r.otherTeamSpecification.criteria[2].id, version: 1 }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('criterionId'),
      ];
    },
  },
  'recruitment.vacancy.open': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { specificationId: r.draftSpecification.id, title: 'Peer Support Worker', posts: 1, closingDate: CLOSING_DATE, reach: 'OPEN_ADVERT' };
      return [
        ...fieldCases(valid, { specificationId: 'uuid', title: 'text', reach: 'enum' }),
        ...numberCases(valid, 'posts', [
          ['missing', MISSING],
          ['zero', 0],
          ['51', 51],
          ['a fraction', 1.5],
          ['words', 'two'],
          ['an object', { posts: 1 }],
        ]),
        withField(valid, 'closingDate', 'missing', MISSING),
        withField(valid, 'closingDate', 'text', 'next Friday'),
        withField(valid, 'closingDate', 'a day that does not exist', { ...CLOSING_DATE, day: '31', month: '2' }, 'closingDate.day'),
        withField(valid, 'closingDate', 'a date in the past', { day: '1', month: '1', year: '2001' }, 'closingDate.day'),
        withField(valid, 'closingDate', 'month 13', { ...CLOSING_DATE, month: '13' }, 'closingDate.month'),
        withField(valid, 'closingDate', 'a year as a number', { ...CLOSING_DATE, year: 2030 }, 'closingDate.year'),
        { label: 'a specification that does not exist', input: { ...valid, specificationId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a role id given as the specification', input: { ...valid, specificationId: r.role.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a specification without an essential lived experience criterion', input: { ...valid, specificationId: r.noLivedExperience.id }, expect: { code: 'VALIDATION', field: 'specificationId' } },
        { label: 'a specification of a role version not agreed', input: { ...valid, specificationId: r.unagreedSpecification.id }, expect: { code: 'VALIDATION', field: 'specificationId' } },
        { label: "this team's manager, who builds specifications but does not run vacancies", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('specificationId'),
      ];
    },
  },
  'recruitment.vacancy.move': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { vacancyId: r.draft.id, version: 1 };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid', version: 'version' }),
        { label: 'a vacancy that does not exist', input: { ...valid, vacancyId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a candidate id given as the vacancy', input: { ...valid, vacancyId: r.openCandidate.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'shortlisting without a panel', input: { vacancyId: r.openWithoutPanel.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'shortlisting with neither candidates nor a full panel', input: { vacancyId: r.empty.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'interviews before every shortlisting decision', input: { vacancyId: r.shortlisting.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'deciding before every interviewed candidate has a decision', input: { vacancyId: r.interviewing.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'a closed vacancy', input: { vacancyId: r.closed.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'the chair of the panel', as: 'managerOfThisTeam', input: { vacancyId: r.shortlisting.id, version: 1 }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.panel.add': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { vacancyId: r.draft.id, email: world.staff.email, role: 'MEMBER', stages: ['SHORTLISTING', 'INTERVIEW'] };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid', email: 'email', role: 'enum' }),
        withField(valid, 'stages', 'missing', MISSING),
        withField(valid, 'stages', 'a number', 12345),
        withField(valid, 'stages', 'a stage not in the list', ['SHORTLISTING', 'ASSESSMENT_CENTRE'], 'stages.1'),
        { label: 'a vacancy that does not exist', input: { ...valid, vacancyId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'nobody has this email', input: { ...valid, email: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'a disabled person', input: { ...valid, email: r.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'someone already on the panel, in other case', input: { ...valid, vacancyId: r.shortlisting.id, email: world.peerWorker.email.toUpperCase() }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'a second chair', input: { ...valid, vacancyId: r.shortlisting.id, role: 'CHAIR' }, expect: { code: 'VALIDATION', field: 'role' } },
        { label: 'a decided vacancy', input: { ...valid, vacancyId: r.decided.id }, expect: { code: 'CONFLICT' } },
        { label: 'the chair of the panel', as: 'managerOfThisTeam', input: { ...valid, vacancyId: r.shortlisting.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.panel.remove': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { panelMemberId: r.emptySeat.id };
      return [
        ...fieldCases(valid, { panelMemberId: 'uuid' }),
        { label: 'a panel member that does not exist', input: { panelMemberId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a person id given as the panel member', input: { panelMemberId: world.peerWorker.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a member who has submitted scores', input: { panelMemberId: r.shortlistingPanel.rep.id }, expect: { code: 'CONFLICT' } },
        { label: 'a member whose leaving breaks the rule during shortlisting', input: { panelMemberId: r.shortlistingPanel.chair.id }, expect: { code: 'CONFLICT' } },
        { label: 'a member of a decided vacancy', input: { panelMemberId: r.decidedPanel.rep.id }, expect: { code: 'CONFLICT' } },
        { label: 'the chair, removing a member', as: 'managerOfThisTeam', input: { panelMemberId: r.shortlistingPanel.rep.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('panelMemberId'),
      ];
    },
  },
  'recruitment.candidate.add': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const [lived, values, practical] = r.draftSpecification.criteria;
      const valid = {
        vacancyId: r.draft.id,
        name: 'A Candidate',
        email: 'a.candidate@example.test',
        phone: '07700 900000',
        adjustments: 'Questions in advance',
        guaranteedInterview: 'yes',
        answers: { [lived.id]: 'My own recovery', [practical.id]: 'I keep a diary' },
        identifying: [practical.id],
      };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid', name: 'text', email: 'email', phone: 'optionalText', adjustments: 'optionalText' }),
        withField(valid, 'guaranteedInterview', 'words', 'maybe'),
        withField(valid, 'guaranteedInterview', 'a number', 1),
        withField(valid, 'answers', 'text', 'My answer'),
        withField(valid, 'answers', 'a list', ['My answer']),
        withField(valid, 'answers', 'a key that is not a uuid', { 'not-a-uuid': 'My answer' }, 'answers.not-a-uuid'),
        withField(valid, 'answers', 'an answer of 10,001 characters', { [lived.id]: `${LONG}x` }, `answers.${lived.id}`),
        withField(valid, 'answers', 'an answer that is not text', { [lived.id]: 42 }, `answers.${lived.id}`),
        withField(valid, 'answers', 'a control character', { [lived.id]: 'My\u0007answer' }, `answers.${lived.id}`),
        withField(valid, 'answers', 'a criterion assessed only at interview', { [values.id]: 'My values' }),
        withField(valid, 'answers', "another specification's criterion", { [r.lived.id]: 'My answer' }),
        withField(valid, 'answers', 'a criterion that does not exist', { [UNKNOWN_ID]: 'My answer' }),
        withField(valid, 'identifying', 'not a uuid', ['not-a-uuid'], 'identifying.0'),
        withField(valid, 'identifying', 'a criterion that does not exist', [UNKNOWN_ID], 'answers'),
        withField(valid, 'identifying', 'a number', 12345),
        { label: 'a vacancy that does not exist', input: { ...valid, vacancyId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a vacancy already shortlisting', input: { ...valid, vacancyId: r.shortlisting.id, answers: {}, identifying: [] }, expect: { code: 'CONFLICT' } },
        { label: "this team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.candidate.pack.release': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { candidateId: r.openCandidate.id };
      return [
        ...fieldCases(valid, { candidateId: 'uuid' }),
        { label: 'a candidate who does not exist', input: { candidateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a vacancy id given as the candidate', input: { candidateId: r.open.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a pack already released', input: { candidateId: r.releasedCandidate.id }, expect: { code: 'CONFLICT' } },
        { label: 'a decided vacancy', input: { candidateId: r.reserve.id }, expect: { code: 'CONFLICT' } },
        { label: 'a purged candidate', input: { candidateId: r.purged.id }, expect: { code: 'CONFLICT' } },
        { label: 'a panel member', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.candidate.shortlist': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { candidateId: r.scored.id, outcome: 'INVITED', reason: '' };
      return [
        ...fieldCases(valid, { candidateId: 'uuid', outcome: 'enum', reason: 'optionalText' }),
        {
          label: 'not inviting a guaranteed-interview candidate who meets every essential criterion, without a reason',
          input: { ...valid, outcome: 'NOT_INVITED' },
          expect: { code: 'VALIDATION', field: 'reason' },
        },
        { label: 'a candidate not every member has scored', input: { ...valid, candidateId: r.unscored.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate of a vacancy at interview', input: { ...valid, candidateId: r.meets.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate who does not exist', input: { ...valid, candidateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a panel member who is not the chair', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'the chair of another vacancy', as: 'serviceUserRep', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.candidate.decide': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { candidateId: r.meets.id, version: 1, outcome: 'RESERVE', rationale: 'Met every essential criterion', essentialJustification: '' };
      return [
        ...fieldCases(valid, { candidateId: 'uuid', version: 'version', outcome: 'enum', rationale: 'text', essentialJustification: 'optionalText' }),
        { label: 'a stale version', input: { ...valid, version: 4 }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate who was not invited to interview', input: { ...valid, candidateId: r.notInvited.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate whose interview scores are not all in', input: { ...valid, candidateId: r.waiting.id }, expect: { code: 'CONFLICT' } },
        { label: 'appointing someone who missed an essential criterion, without a justification', input: { ...valid, candidateId: r.missed.id, outcome: 'APPOINTED' }, expect: { code: 'VALIDATION', field: 'essentialJustification' } },
        { label: 'appointing when every post is filled', input: { ...valid, outcome: 'APPOINTED' }, expect: { code: 'VALIDATION', field: 'outcome' } },
        { label: 'a candidate of a vacancy at shortlisting', input: { ...valid, candidateId: r.scored.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate who does not exist', input: { ...valid, candidateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a panel member who is not the chair', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.candidate.appoint': {
    caller: 'hr',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { candidateId: r.appointed.id };
      return [
        ...fieldCases(valid, { candidateId: 'uuid' }),
        { label: 'a candidate already handed on', input: { candidateId: r.handedOn.id }, expect: { code: 'CONFLICT' } },
        { label: 'a reserve', input: { candidateId: r.reserve.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate still at interview', input: { candidateId: r.meets.id }, expect: { code: 'CONFLICT' } },
        { label: 'a purged candidate', input: { candidateId: r.purged.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate whose account is disabled', input: { candidateId: r.disabledAccount.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate who does not exist', input: { candidateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'the chair of the panel', as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.conflict.declare': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { vacancyId: r.open.id, declarationKey: r.openKey, kind: 'KNOWS_THEM', note: '' };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid', declarationKey: 'uuid', kind: 'enum', note: 'optionalText' }),
        { label: 'a key no candidate has', input: { ...valid, declarationKey: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'declarationKey' } },
        { label: "the candidate's id instead of their key", input: { ...valid, declarationKey: r.openCandidate.id }, expect: { code: 'VALIDATION', field: 'declarationKey' } },
        { label: "another vacancy's candidate", input: { ...valid, declarationKey: r.otherKey }, expect: { code: 'VALIDATION', field: 'declarationKey' } },
        { label: 'a vacancy that does not exist', input: { ...valid, vacancyId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a vacancy the peer worker is not on', input: { vacancyId: r.other.id, declarationKey: r.otherKey, kind: 'KNOWS_THEM' }, expect: { code: 'FORBIDDEN' } },
        { label: 'a decided vacancy', input: { vacancyId: r.decided.id, declarationKey: r.openKey, kind: 'KNOWS_THEM' }, expect: { code: 'CONFLICT' } },
        { label: 'HR, who is not on the panel', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.conflict.withdraw': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { vacancyId: r.open.id, declarationKey: r.declaredKey };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid', declarationKey: 'uuid' }),
        { label: 'a candidate with no declaration', input: { ...valid, declarationKey: r.openKey }, expect: { code: 'CONFLICT' } },
        { label: 'a declaration once scoring has started', input: { vacancyId: r.shortlisting.id, declarationKey: r.conflictedKey }, expect: { code: 'CONFLICT' } },
        { label: 'a key no candidate has', input: { ...valid, declarationKey: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'declarationKey' } },
        { label: 'a vacancy the peer worker is not on', input: { vacancyId: r.other.id, declarationKey: r.otherKey }, expect: { code: 'FORBIDDEN' } },
        { label: "another member's declaration", as: 'serviceUserRep', input: valid, expect: { code: 'CONFLICT' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.conflicts.confirm': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { vacancyId: r.open.id };
      return [
        ...fieldCases(valid, { vacancyId: 'uuid' }),
        { label: 'a vacancy with no candidates yet', input: { vacancyId: r.empty.id }, expect: { code: 'CONFLICT' } },
        { label: 'a decided vacancy', input: { vacancyId: r.decided.id }, expect: { code: 'CONFLICT' } },
        { label: 'a vacancy the peer worker is not on', input: { vacancyId: r.other.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a vacancy that does not exist', input: { vacancyId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('vacancyId'),
      ];
    },
  },
  'recruitment.scores.save': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const entry = (score: unknown, evidence: unknown = 'What they wrote') => ({ score, evidence });
      const valid = { candidateId: r.unscored.id, stage: 'SHORTLISTING', intent: 'save', scores: { [r.lived.id]: entry(3) } };
      return [
        ...fieldCases(valid, { candidateId: 'uuid', stage: 'enum', intent: 'enum' }),
        withField(valid, 'scores', 'missing', MISSING),
        withField(valid, 'scores', 'text', '3'),
        withField(valid, 'scores', 'a key that is not a uuid', { 'not-a-uuid': entry(3) }, 'scores.not-a-uuid'),
        withField(valid, 'scores', 'a score of 5', { [r.lived.id]: entry(5) }, `scores.${r.lived.id}.score`),
        withField(valid, 'scores', 'a negative score', { [r.lived.id]: entry(-1) }, `scores.${r.lived.id}.score`),
        withField(valid, 'scores', 'a fraction', { [r.lived.id]: entry(2.5) }, `scores.${r.lived.id}.score`),
        withField(valid, 'scores', 'a score in words', { [r.lived.id]: entry('good') }, `scores.${r.lived.id}.score`),
        withField(valid, 'scores', 'evidence of 10,000 characters', { [r.lived.id]: entry(2, LONG) }, `scores.${r.lived.id}.evidence`),
        withField(valid, 'scores', 'evidence with a direction override', { [r.lived.id]: entry(2, 'Good \u202eevidence') }, `scores.${r.lived.id}.evidence`),
        withField(valid, 'scores', 'a criterion scored only at interview', { [r.values.id]: entry(2) }),
        withField(valid, 'scores', 'a criterion that does not exist', { [UNKNOWN_ID]: entry(2) }),
        { label: 'submitting with a criterion unscored', input: { ...valid, intent: 'submit' }, expect: { code: 'VALIDATION', field: `scores.${r.practical.id}.score` } },
        {
          label: 'submitting with a score left empty (not a 0)',
          input: { ...valid, intent: 'submit', scores: { [r.lived.id]: entry(3), [r.practical.id]: entry('') } },
          expect: { code: 'VALIDATION', field: `scores.${r.practical.id}.score` },
        },
        {
          label: 'submitting without evidence',
          input: { ...valid, intent: 'submit', scores: { [r.lived.id]: entry(3, ''), [r.practical.id]: entry(2) } },
          expect: { code: 'VALIDATION', field: `scores.${r.lived.id}.evidence` },
        },
        { label: 'a candidate the peer worker declared a conflict with', input: { ...valid, candidateId: r.conflicted.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the interview stage while shortlisting', input: { ...valid, stage: 'INTERVIEW', scores: { [r.values.id]: entry(2) } }, expect: { code: 'CONFLICT' } },
        { label: 'scores already submitted', input: { ...valid, candidateId: r.scored.id }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate of a vacancy the peer worker is not on', input: { ...valid, candidateId: r.otherCandidate.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a candidate who does not exist', input: { ...valid, candidateId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'HR, who is not on the panel', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.score.correct': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { scoreId: r.correctableScore.id, score: 3, evidence: 'Read again', reason: 'I misread the scale' };
      return [
        ...fieldCases(valid, { scoreId: 'uuid', evidence: 'optionalText', reason: 'text' }),
        ...numberCases(valid, 'score', [
          ['missing', MISSING],
          ['5', 5],
          ['negative', -1],
          ['a fraction', 1.5],
          ['words', 'high'],
          ['an empty string', ''],
        ]),
        { label: "another member's score", input: { ...valid, scoreId: r.repScore.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a score still in a draft', input: { ...valid, scoreId: r.draftScore.id }, expect: { code: 'CONFLICT' } },
        { label: 'a score already corrected', input: { ...valid, scoreId: r.correctedScore.id }, expect: { code: 'CONFLICT' } },
        { label: 'a score on a decided vacancy', input: { ...valid, scoreId: r.decidedScore.id }, expect: { code: 'CONFLICT' } },
        { label: 'a score on a vacancy the peer worker is not on', input: { ...valid, scoreId: r.otherScore.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a score that does not exist', input: { ...valid, scoreId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'HR, correcting a member’s score', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('scoreId'),
      ];
    },
  },
  'recruitment.moderation.add': {
    caller: 'peerWorker',
    cases: async (world) => {
      const r = await recruitment(world);
      const valid = { candidateId: r.scored.id, stage: 'SHORTLISTING', criterionId: '', text: 'We agreed the scores stand' };
      return [
        ...fieldCases(valid, { candidateId: 'uuid', stage: 'enum', text: 'text' }),
        withField(valid, 'criterionId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'criterionId', 'a number', 12345),
        withField(valid, 'criterionId', 'a criterion scored only at interview', r.values.id),
        withField(valid, 'criterionId', 'a criterion that does not exist', UNKNOWN_ID),
        { label: 'before every member has submitted', input: { ...valid, candidateId: r.unscored.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stage nobody has scored', input: { ...valid, stage: 'INTERVIEW' }, expect: { code: 'CONFLICT' } },
        { label: 'a decided vacancy', input: { ...valid, candidateId: r.appointed.id, stage: 'INTERVIEW' }, expect: { code: 'CONFLICT' } },
        { label: 'a candidate of a vacancy the peer worker is not on', input: { ...valid, candidateId: r.otherCandidate.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'HR, who is not on the panel', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('candidateId'),
      ];
    },
  },
  'recruitment.settings.update': {
    cases: () => {
      const valid = { minScorers: 2, minLivedExperience: 1, minHrOrManager: 1, retentionMonths: 6 };
      const wrong: Array<[string, unknown]> = [
        ['missing', MISSING],
        ['negative', -1],
        ['a fraction', 1.5],
        ['words', 'two'],
        ['an object', { value: 2 }],
        ['10,000 characters', LONG],
      ];
      return [
        ...numberCases(valid, 'minScorers', [...wrong, ['zero', 0], ['11', 11], ['an empty string', '']]),
        ...numberCases(valid, 'minLivedExperience', [...wrong, ['11', 11]]),
        ...numberCases(valid, 'minHrOrManager', [...wrong, ['11', 11]]),
        ...numberCases(valid, 'retentionMonths', [...wrong, ['zero', 0], ['73', 73]]),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        { label: 'a version someone else has saved since', input: { ...valid, version: 7 }, expect: { code: 'CONFLICT' } },
        { label: 'HR, who recruits within the rules', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('minScorers'),
      ];
    },
  },
  // ---- Onboarding ----
  'onboarding.placement.start': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = {
        appointmentId: '',
        personEmail: world.newcomer.email,
        roleId: o.role.id,
        templateId: o.template.id,
        startDate: START_DATE,
        contractType: 'PERMANENT',
        band: '4',
        hoursPerWeek: '22.5',
        workingDays: ['MON', 'TUE', 'THU'],
        lineManagerEmail: '',
        peerSupervisorEmail: '',
      };
      return [
        ...fieldCases(valid, { templateId: 'uuid', contractType: 'enum', personEmail: 'email', roleId: 'uuid' }),
        ...arrangementCases(valid),
        withField(valid, 'appointmentId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'appointmentId', 'a number', 12345),
        { label: 'a role with no agreed version', input: { ...valid, roleId: o.unagreedRole.id }, expect: { code: 'VALIDATION', field: 'roleId' } },
        { label: 'a role that does not exist', input: { ...valid, roleId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's role", input: { ...valid, roleId: o.otherTeamRole.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'nobody has this email', input: { ...valid, personEmail: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'personEmail' } },
        { label: 'a disabled person', input: { ...valid, personEmail: o.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'personEmail' } },
        { label: 'a line manager nobody is', input: { ...valid, lineManagerEmail: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'lineManagerEmail' } },
        { label: 'the peer worker as their own peer supervisor', input: { ...valid, peerSupervisorEmail: world.newcomer.email.toUpperCase() }, expect: { code: 'VALIDATION', field: 'peerSupervisorEmail' } },
        { label: 'a template with no tasks', input: { ...valid, templateId: o.emptyTemplate.id }, expect: { code: 'VALIDATION', field: 'templateId' } },
        { label: 'an archived template', input: { ...valid, templateId: o.archivedTemplate.id }, expect: { code: 'VALIDATION', field: 'templateId' } },
        { label: 'a template that does not exist', input: { ...valid, templateId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'templateId' } },
        { label: 'someone with a current placement in the team', input: { ...valid, personEmail: world.peerWorker.email }, expect: { code: 'CONFLICT' } },
        { label: 'an appointment already placed', input: { ...valid, appointmentId: o.placedAppointment.id, personEmail: '', roleId: '' }, expect: { code: 'CONFLICT' } },
        { label: 'an appointment that does not exist', input: { ...valid, appointmentId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'HR, who follows placements but does not start them', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('templateId'),
      ];
    },
  },
  'onboarding.placement.change': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const current = await changeFormFor(o.placement.id);
      const valid = { ...current, hoursPerWeek: '30' };
      return [
        ...fieldCases(valid, { placementId: 'uuid', version: 'version', contractType: 'enum' }),
        ...arrangementCases(valid),
        withField(valid, 'moveToAgreedVersion', 'neither ticked nor empty', 'maybe'),
        withField(valid, 'moveToAgreedVersion', 'a number', 12345),
        withField(valid, 'templateId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'templateId', 'an array', [o.template.id]),
        { label: 'a placement that does not exist', input: { ...valid, placementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an ended placement', input: { ...(await changeFormFor(o.ended.id)), hoursPerWeek: '30' }, expect: { code: 'CONFLICT' } },
        { label: 'nothing changed', input: current, expect: { code: 'VALIDATION', field: 'contractType' } },
        { label: 'moving to the agreed version it is already on, nothing else changed', input: { ...current, moveToAgreedVersion: 'yes' }, expect: { code: 'VALIDATION', field: 'contractType' } },
        { label: 'a plan from an archived template', input: { ...valid, templateId: o.archivedTemplate.id }, expect: { code: 'VALIDATION', field: 'templateId' } },
        { label: 'a plan from a template with no tasks', input: { ...current, templateId: o.emptyTemplate.id }, expect: { code: 'VALIDATION', field: 'templateId' } },
        { label: 'a line manager nobody is', input: { ...valid, lineManagerEmail: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'lineManagerEmail' } },
        { label: 'the peer worker as their own line manager', input: { ...valid, lineManagerEmail: world.peerWorker.email }, expect: { code: 'VALIDATION', field: 'lineManagerEmail' } },
        { label: "another team's placement", input: { ...(await changeFormFor(o.otherPlacement.id)), hoursPerWeek: '30' }, expect: { code: 'FORBIDDEN' } },
        { label: 'HR', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('placementId'),
      ];
    },
  },
  'onboarding.placement.end': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { placementId: o.placement.id, version: 1 };
      return [
        ...fieldCases(valid, { placementId: 'uuid', version: 'version' }),
        { label: 'a placement that does not exist', input: { ...valid, placementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a task id given as the placement', input: { ...valid, placementId: o.tasks.MANAGER.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an ended placement', input: { placementId: o.ended.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: "another team's placement", input: { placementId: o.otherPlacement.id, version: 1 }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('placementId'),
      ];
    },
  },
  'onboarding.parity.accept': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { placementId: o.placement.id, key: 'peer-supervisor', reason: 'Peer supervision comes from the trust-wide network for now' };
      return [
        ...fieldCases(valid, { placementId: 'uuid', reason: 'text' }),
        withField(valid, 'key', 'missing', MISSING),
        withField(valid, 'key', 'blank', ''),
        withField(valid, 'key', 'a number', 12345),
        withField(valid, 'key', 'an object', { key: 'peer-supervisor' }),
        withField(valid, 'key', '10,000 characters', LONG),
        { label: 'an issue the placement does not have', input: { ...valid, key: 'band' }, expect: { code: 'CONFLICT' } },
        { label: 'a meeting the team does not have', input: { ...valid, key: `meeting:${UNKNOWN_ID}` }, expect: { code: 'CONFLICT' } },
        { label: 'a key with a direction override', input: { ...valid, key: 'peer-\u202esupervisor' }, expect: { code: 'CONFLICT' } },
        { label: 'an ended placement', input: { ...valid, placementId: o.ended.id }, expect: { code: 'CONFLICT' } },
        { label: 'a placement that does not exist', input: { ...valid, placementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's placement", input: { ...valid, placementId: o.otherPlacement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker, who sees the issue but does not accept it', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('placementId'),
      ];
    },
  },
  'onboarding.task.status': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { taskId: o.tasks.PEER_WORKER.id, version: 1, status: 'IN_PROGRESS', cannotStartReason: '' };
      return [
        ...fieldCases(valid, { taskId: 'uuid', version: 'version', status: 'enum', cannotStartReason: 'optionalText' }),
        { label: 'cannot start, with no reason', input: { ...valid, status: 'CANNOT_START' }, expect: { code: 'VALIDATION', field: 'cannotStartReason' } },
        { label: 'cannot start, with a blank reason', input: { ...valid, status: 'CANNOT_START', cannotStartReason: '   ' }, expect: { code: 'VALIDATION', field: 'cannotStartReason' } },
        { label: 'a task that does not exist', input: { ...valid, taskId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a placement id given as the task', input: { ...valid, taskId: o.placement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a removed task', input: { ...valid, taskId: o.tasks.HR.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "a task in an ended placement's plan", input: { ...valid, taskId: o.endedTask.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's task", input: { ...valid, taskId: o.otherTask.id }, expect: { code: 'FORBIDDEN' } },
        { label: "a staff member completing the peer worker's task", as: 'staff', input: { ...valid, status: 'COMPLETED' }, expect: { code: 'FORBIDDEN' } },
        { label: "the peer worker completing the manager's task", as: 'peerWorker', input: { ...valid, taskId: o.tasks.MANAGER.id, status: 'COMPLETED' }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('taskId'),
      ];
    },
  },
  'onboarding.task.add': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { placementId: o.placement.id, section: 'INTRODUCTIONS', title: 'Meet the crisis team', description: '', ownerEmail: world.staff.email, dueOn: START_DATE, required: 'yes' };
      return [
        ...fieldCases(valid, { placementId: 'uuid', section: 'enum', title: 'text', description: 'optionalText', ownerEmail: 'email' }),
        ...dateCases(valid, 'dueOn'),
        withField(valid, 'required', 'missing', MISSING),
        withField(valid, 'required', 'neither yes nor no', 'maybe'),
        withField(valid, 'required', 'a boolean', true),
        withField(valid, 'required', 'null', null),
        { label: 'someone outside the team and not HR', input: { ...valid, ownerEmail: world.managerOfOtherTeam.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a person in no team', input: { ...valid, ownerEmail: world.newcomer.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'nobody has this email', input: { ...valid, ownerEmail: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a disabled person', input: { ...valid, ownerEmail: o.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a placement that does not exist', input: { ...valid, placementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'an ended placement', input: { ...valid, placementId: o.ended.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's placement", input: { ...valid, placementId: o.otherPlacement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a staff member of the team', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('placementId'),
      ];
    },
  },
  'onboarding.task.remove': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { taskId: o.tasks.MANAGER.id, version: 1 };
      return [
        ...fieldCases(valid, { taskId: 'uuid', version: 'version' }),
        { label: 'a task that does not exist', input: { ...valid, taskId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a task already removed', input: { taskId: o.tasks.HR.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "a task in an ended placement's plan", input: { taskId: o.endedTask.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: "another team's task", input: { taskId: o.otherTask.id, version: 1 }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker, on their own task', as: 'peerWorker', input: { taskId: o.tasks.PEER_WORKER.id, version: 1 }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('taskId'),
      ];
    },
  },
  'onboarding.task.reassign': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { taskId: o.tasks.MANAGER.id, version: 1, ownerEmail: world.staff.email };
      return [
        ...fieldCases(valid, { taskId: 'uuid', version: 'version', ownerEmail: 'email' }),
        { label: 'the person who already does it', input: { ...valid, ownerEmail: world.managerOfThisTeam.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'someone outside the team and not HR', input: { ...valid, ownerEmail: world.managerOfOtherTeam.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a service-user representative outside the team', input: { ...valid, ownerEmail: world.serviceUserRep.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a disabled person', input: { ...valid, ownerEmail: o.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'ownerEmail' } },
        { label: 'a task that does not exist', input: { ...valid, taskId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a removed task', input: { ...valid, taskId: o.tasks.HR.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "a task in an ended placement's plan", input: { ...valid, taskId: o.endedTask.id }, expect: { code: 'CONFLICT' } },
        { label: "another team's task", input: { ...valid, taskId: o.otherTask.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker, giving their own task away', as: 'peerWorker', input: { ...valid, taskId: o.tasks.PEER_WORKER.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('taskId'),
      ];
    },
  },
  'onboarding.task.note': {
    caller: 'peerWorker',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { taskId: o.tasks.PEER_WORKER.id, text: 'I would like to do this in my second week' };
      return [
        ...fieldCases(valid, { taskId: 'uuid', text: 'text' }),
        { label: "the manager's task in their own plan", input: { ...valid, taskId: o.tasks.MANAGER.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a task that does not exist', input: { ...valid, taskId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's task", input: { ...valid, taskId: o.otherTask.id }, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager, on the peer worker's task", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "HR, on the peer worker's task", as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('taskId'),
      ];
    },
  },
  'onboarding.template.save': {
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { templateId: o.template.id, version: 1, name: 'Peer worker onboarding (renamed)', serviceType: '' };
      return [
        ...fieldCases(valid, { name: 'text' }),
        withField(valid, 'templateId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'templateId', 'a number', 12345),
        withField(valid, 'templateId', 'null', null),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        withField(valid, 'version', 'a fraction', 1.5),
        withField(valid, 'serviceType', 'not in the list', 'SUPERUSER'),
        withField(valid, 'serviceType', 'a number', 12345),
        withField(valid, 'serviceType', 'an array', ['OTHER']),
        { label: 'no version for an existing template', input: without(valid, 'version'), expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'a template that does not exist', input: { ...valid, templateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'an archived template', input: { ...valid, templateId: o.archivedTemplate.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('name'),
      ];
    },
  },
  'onboarding.template.archive': {
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { templateId: o.template.id, version: 1 };
      return [
        ...fieldCases(valid, { templateId: 'uuid', version: 'version' }),
        { label: 'a template that does not exist', input: { ...valid, templateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an archived template', input: { templateId: o.archivedTemplate.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('templateId'),
      ];
    },
  },
  'onboarding.template.task.save': {
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { templateId: o.template.id, version: 1, section: 'PEER_TRAINING', title: 'WRAP course', description: '', ownerRole: 'PEER_WORKER', offsetDays: '28', required: 'no' };
      return [
        ...fieldCases(valid, { templateId: 'uuid', version: 'version', section: 'enum', title: 'text', description: 'optionalText', ownerRole: 'enum' }),
        ...numberCases(valid, 'offsetDays', [
          ['missing', MISSING],
          ['91 days before', '-91'],
          ['366 days after', '366'],
          ['a fraction', '1.5'],
          ['words', 'a week'],
          ['an object', { days: 7 }],
        ]),
        withField(valid, 'required', 'missing', MISSING),
        withField(valid, 'required', 'neither yes nor no', 'maybe'),
        withField(valid, 'templateTaskId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'templateTaskId', 'a number', 12345),
        { label: "a task of another template", input: { ...valid, templateTaskId: o.otherTemplateTask.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a template that does not exist', input: { ...valid, templateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an archived template', input: { ...valid, templateId: o.archivedTemplate.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('templateId'),
      ];
    },
  },
  'onboarding.template.task.remove': {
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { templateId: o.template.id, templateTaskId: o.templateTask.id, version: 1 };
      return [
        ...fieldCases(valid, { templateId: 'uuid', templateTaskId: 'uuid', version: 'version' }),
        { label: 'a task of another template', input: { ...valid, templateTaskId: o.otherTemplateTask.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'a task that does not exist', input: { ...valid, templateTaskId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a template that does not exist', input: { ...valid, templateId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an archived template', input: { templateId: o.archivedTemplate.id, templateTaskId: o.archivedTemplateTask.id, version: 2 }, expect: { code: 'CONFLICT' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('templateId'),
      ];
    },
  },
  'onboarding.wellbeing.save': {
    caller: 'peerWorker',
    cases: async (world) => {
      await onboarding(world);
      const valid = { version: 1, keepsMeWell: 'A walk at lunchtime', earlySigns: '', whatHelps: 'A quiet word', whoToContact: '' };
      return [
        ...fieldCases(valid, { keepsMeWell: 'optionalText', earlySigns: 'optionalText', whatHelps: 'optionalText', whoToContact: 'optionalText' }),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        withField(valid, 'version', 'null', null),
        withField(valid, 'version', 'a fraction', 1.5),
        withField(valid, 'version', 'an empty string', ''),
        { label: 'no version for a plan they have', input: { keepsMeWell: 'Overwritten' }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
      ];
    },
  },
  'onboarding.wellbeing.share': {
    caller: 'peerWorker',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { email: world.hr.email };
      return [
        ...fieldCases(valid, { email: 'email' }),
        { label: 'nobody has this email', input: { email: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'a disabled person', input: { email: o.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'their own email, in other case', input: { email: world.peerWorker.email.toUpperCase() }, expect: { code: 'VALIDATION', field: 'email' } },
        { label: 'someone with no wellbeing plan yet', as: 'managerOfThisTeam', input: valid, expect: { code: 'CONFLICT' } },
        emptyFormCase('email'),
      ];
    },
  },
  'onboarding.wellbeing.revoke': {
    caller: 'peerWorker',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { shareId: o.peerShare.id };
      return [
        ...fieldCases(valid, { shareId: 'uuid' }),
        { label: 'a share that does not exist', input: { shareId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: "someone else's share", input: { shareId: o.hrShare.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'the person it is shared with', as: 'staff', input: valid, expect: { code: 'NOT_FOUND' } },
        { label: 'an administrator', as: 'admin', input: valid, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('shareId'),
      ];
    },
  },
  'onboarding.meeting.add': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      await onboarding(world);
      const valid = { teamId: world.thisTeam.id, name: 'Journal club', day: 'FRI', time: '12:30', main: 'no' };
      return [
        ...fieldCases(valid, { teamId: 'uuid', name: 'text', day: 'enum' }),
        withField(valid, 'time', 'missing', MISSING),
        withField(valid, 'time', 'an hour that does not exist', '25:00'),
        withField(valid, 'time', 'one digit for the hour', '9:30'),
        withField(valid, 'time', '12-hour', '12:30pm'),
        withField(valid, 'time', 'a number', 1230),
        withField(valid, 'time', '10,000 characters', LONG),
        withField(valid, 'main', 'missing', MISSING),
        withField(valid, 'main', 'neither yes nor no', 'maybe'),
        withField(valid, 'main', 'a boolean', true),
        { label: 'a second main meeting', input: { ...valid, main: 'yes' }, expect: { code: 'VALIDATION', field: 'main' } },
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'another team', input: { ...valid, teamId: world.otherTeam.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a staff member of the team', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'onboarding.meeting.remove': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { meetingId: o.mainMeeting.id };
      return [
        ...fieldCases(valid, { meetingId: 'uuid' }),
        { label: 'a meeting that does not exist', input: { meetingId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a team id given as the meeting', input: { meetingId: world.thisTeam.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's meeting", input: { meetingId: o.otherMeeting.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a staff member of the team', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('meetingId'),
      ];
    },
  },
  'onboarding.system.add': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      await onboarding(world);
      const valid = { teamId: world.thisTeam.id, userId: world.peerWorker.id, system: 'EPR' };
      return [
        ...fieldCases(valid, { teamId: 'uuid', userId: 'uuid', system: 'text' }),
        { label: 'someone not in the team', input: { ...valid, userId: world.managerOfOtherTeam.id }, expect: { code: 'VALIDATION', field: 'userId' } },
        { label: 'a person who does not exist', input: { ...valid, userId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'userId' } },
        { label: 'a system they have, typed in other case', input: { ...valid, userId: world.staff.id, system: 'rio' }, expect: { code: 'VALIDATION', field: 'system' } },
        { label: 'another team', input: { ...valid, teamId: world.otherTeam.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a team that does not exist', input: { ...valid, teamId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a staff member of the team', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  'onboarding.system.remove': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const o = await onboarding(world);
      const valid = { teamId: world.thisTeam.id, systemAccessId: o.staffSystem.id };
      return [
        ...fieldCases(valid, { teamId: 'uuid', systemAccessId: 'uuid' }),
        { label: "access of someone outside the team", input: { ...valid, systemAccessId: o.otherSystem.id }, expect: { code: 'NOT_FOUND' } },
        { label: 'access that does not exist', input: { ...valid, systemAccessId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        { label: 'another team', input: { ...valid, teamId: world.otherTeam.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a staff member of the team', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('teamId'),
      ];
    },
  },
  // ---- Supervision ----
  'supervision.agreement.create': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { placementId: f.o.placement.id };
      return [
        ...fieldCases(valid, { placementId: 'uuid' }),
        { label: 'a placement that already has an agreement', input: valid, expect: { code: 'CONFLICT' } },
        { label: 'an ended placement', input: { placementId: f.o.ended.id }, expect: { code: 'CONFLICT' } },
        { label: 'a placement that does not exist', input: { placementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'an agreement id given as the placement', input: { placementId: f.agreement.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's placement", input: { placementId: f.o.otherPlacement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('placementId'),
      ];
    },
  },
  'supervision.arrangement.add': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { agreementId: f.agreement.id, version: 1, type: 'CLINICAL', supervisorEmail: world.hr.email, everyWeeks: '6', startsOn: START_DATE };
      return [
        ...fieldCases(valid, { agreementId: 'uuid', version: 'version', type: 'enum', supervisorEmail: 'email' }),
        ...dateCases(valid, 'startsOn'),
        ...numberCases(valid, 'everyWeeks', [
          ['missing', MISSING],
          ['zero', '0'],
          ['53', '53'],
          ['a fraction', '1.5'],
          ['words', 'monthly'],
          ['an object', { weeks: 4 }],
        ]),
        { label: 'the peer worker as their own supervisor', input: { ...valid, supervisorEmail: world.peerWorker.email }, expect: { code: 'VALIDATION', field: 'supervisorEmail' } },
        { label: 'a disabled person', input: { ...valid, supervisorEmail: f.o.disabledPerson.email }, expect: { code: 'VALIDATION', field: 'supervisorEmail' } },
        { label: 'nobody has this email', input: { ...valid, supervisorEmail: `nobody-${world.suffix}@peerroles.test` }, expect: { code: 'VALIDATION', field: 'supervisorEmail' } },
        { label: 'a type already arranged', input: { ...valid, type: 'PEER' }, expect: { code: 'VALIDATION', field: 'type' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "an ended placement's agreement", input: { ...valid, agreementId: f.endedAgreement.id }, expect: { code: 'CONFLICT' } },
        { label: 'an agreement that does not exist', input: { ...valid, agreementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a session id given as the agreement', input: { ...valid, agreementId: f.unsigned.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's agreement", input: { ...valid, agreementId: f.otherAgreement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer worker', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a supervisor in the agreement', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('agreementId'),
      ];
    },
  },
  'supervision.arrangement.end': {
    caller: 'managerOfThisTeam',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { arrangementId: f.lineManagement.id, version: 1 };
      return [
        ...fieldCases(valid, { arrangementId: 'uuid', version: 'version' }),
        { label: 'an arrangement already ended', input: { ...valid, arrangementId: f.endedArrangement.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'an arrangement that does not exist', input: { ...valid, arrangementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'an agreement id given as the arrangement', input: { ...valid, arrangementId: f.agreement.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's arrangement", input: { ...valid, arrangementId: f.otherArrangement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the supervisor in it', as: 'staff', input: { ...valid, arrangementId: f.peer.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('arrangementId'),
      ];
    },
  },
  'supervision.agreement.sign': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { agreementId: f.agreement.id, version: 1 };
      return [
        ...fieldCases(valid, { agreementId: 'uuid', version: 'version' }),
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "the agreement of an ended placement, by its peer worker", as: 'staff', input: { agreementId: f.endedAgreement.id, version: 1 }, expect: { code: 'CONFLICT' } },
        { label: 'an agreement that does not exist', input: { ...valid, agreementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's agreement", input: { ...valid, agreementId: f.otherAgreement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'a supervisor whose arrangement has ended', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'an administrator', as: 'admin', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('agreementId'),
      ];
    },
  },
  'supervision.session.record': {
    caller: 'staff',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { arrangementId: f.peer.id, heldOn: HELD_ON_FIELDS, durationMinutes: '60', attendees: '', topics: ['role-clarity'], notes: 'What we talked about' };
      return [
        ...fieldCases(valid, { arrangementId: 'uuid' }),
        ...sessionFieldCases(valid),
        { label: 'an ended arrangement, by the peer worker', as: 'peerWorker', input: { ...valid, arrangementId: f.endedArrangement.id }, expect: { code: 'CONFLICT' } },
        { label: "an ended placement's arrangement, by its peer worker", as: 'staff', input: { ...valid, arrangementId: f.endedPlacementArrangement.id }, expect: { code: 'CONFLICT' } },
        { label: 'an arrangement someone else supervises', input: { ...valid, arrangementId: f.lineManagement.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'an arrangement that does not exist', input: { ...valid, arrangementId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'an agreement id given as the arrangement', input: { ...valid, arrangementId: f.agreement.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's arrangement", input: { ...valid, arrangementId: f.otherArrangement.id }, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('arrangementId'),
      ];
    },
  },
  'supervision.session.update': {
    caller: 'staff',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: f.unsigned.id, version: 1, heldOn: HELD_ON_FIELDS, durationMinutes: '50', attendees: '', topics: ['role-clarity'], notes: 'Changed notes' };
      return [
        ...fieldCases(valid, { sessionId: 'uuid', version: 'version' }),
        ...sessionFieldCases(valid),
        { label: 'a co-signed record', input: { ...valid, sessionId: f.signed.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'the other party, who did not record it', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'an action id given as the session', input: { ...valid, sessionId: f.action.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('sessionId'),
      ];
    },
  },
  'supervision.session.amend': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: f.signed.id, heldOn: HELD_ON_FIELDS, durationMinutes: '50', attendees: '', topics: [], notes: 'Amended notes' };
      return [
        ...fieldCases(valid, { sessionId: 'uuid' }),
        ...sessionFieldCases(valid),
        { label: 'a record not yet co-signed', input: { ...valid, sessionId: f.unsigned.id }, expect: { code: 'CONFLICT' } },
        { label: 'a record already amended', input: { ...valid, sessionId: f.amended.id }, expect: { code: 'CONFLICT' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('sessionId'),
      ];
    },
  },
  'supervision.session.cosign': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: f.unsigned.id, version: 1 };
      return [
        ...fieldCases(valid, { sessionId: 'uuid', version: 'version' }),
        { label: 'a record already co-signed', input: { ...valid, sessionId: f.signed.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'whoever recorded it', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'an amendment they recorded themselves', input: { ...valid, sessionId: f.amendment.id }, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('sessionId'),
      ];
    },
  },
  'supervision.session.comment': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: f.signed.id, text: 'A comment' };
      return [
        ...fieldCases(valid, { sessionId: 'uuid' }),
        withField(valid, 'text', 'missing', MISSING),
        withField(valid, 'text', 'blank', '   '),
        withField(valid, 'text', 'a number', 12345),
        withField(valid, 'text', '10,000 characters', LONG),
        ...UNSAFE_CHARACTERS.map(([label, value]) => withField(valid, 'text', label, value)),
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'HR', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('sessionId'),
      ];
    },
  },
  'supervision.action.add': {
    caller: 'staff',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: f.unsigned.id, text: 'Read the framework', owner: 'PEER_WORKER', dueOn: START_DATE };
      return [
        ...fieldCases(valid, { sessionId: 'uuid', text: 'text', owner: 'enum' }),
        ...dateCases(valid, 'dueOn'),
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('sessionId'),
      ];
    },
  },
  'supervision.action.status': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { actionId: f.action.id, version: 1, status: 'DONE' };
      return [
        ...fieldCases(valid, { actionId: 'uuid', version: 'version', status: 'enum' }),
        { label: 'the status it has', input: { ...valid, status: 'OPEN' }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'an action that does not exist', input: { ...valid, actionId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'a session id given as the action', input: { ...valid, actionId: f.unsigned.id }, expect: { code: 'FORBIDDEN' } },
        { label: "another team's action", input: { ...valid, actionId: f.otherAction.id }, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('actionId'),
      ];
    },
  },
  'supervision.checkin.record': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { sessionId: '', supported: '3', clearRole: '4', equalMember: '2', experienceValued: '5', practiseAsPeer: '1' };
      const wrongAnswers: Array<[string, unknown]> = [
        ['missing', MISSING],
        ['zero', '0'],
        ['six', '6'],
        ['a fraction', '2.5'],
        ['words', 'three'],
        ['an object', { answer: 3 }],
      ];
      return [
        ...['supported', 'clearRole', 'equalMember', 'experienceValued', 'practiseAsPeer'].flatMap((field) => numberCases(valid, field, wrongAnswers)),
        withField(valid, 'sessionId', 'not a uuid', 'not-a-uuid'),
        withField(valid, 'sessionId', 'a number', 12345),
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'sessionId' } },
        { label: "someone else's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'VALIDATION', field: 'sessionId' } },
        { label: 'a session already checked in', input: { ...valid, sessionId: f.checkedIn.id }, expect: { code: 'CONFLICT' } },
        { label: 'someone whose placement has ended', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('supported'),
      ];
    },
  },
  'library.entry.propose': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = {
        sessionId: '',
        scope: 'TEAM',
        title: 'Sharing my story on a ward',
        situation: 'A ward where staff doubted that recovery was possible.',
        whatIDid: 'I shared a short part of my story.',
        whatILearned: 'Less is more.',
        tags: 'story, hope',
        showName: 'yes',
        confirmedNoIdentifiers: 'yes',
      };
      return [
        ...fieldCases(valid, { scope: 'enum', title: 'text', situation: 'text', whatIDid: 'text', whatILearned: 'text' }),
        withField(valid, 'tags', 'a number', 12345),
        withField(valid, 'tags', '10,000 characters', LONG),
        withField(valid, 'tags', '11 tags', Array.from({ length: 11 }, (_, index) => `tag${index}`).join(', ')),
        withField(valid, 'tags', 'a tag with markup', '<b>hope</b>', 'tags.0'),
        withField(valid, 'tags', 'a tag of 41 characters', 'x'.repeat(41), 'tags.0'),
        withField(valid, 'showName', 'missing', MISSING),
        withField(valid, 'showName', 'neither yes nor no', 'maybe'),
        withField(valid, 'showName', 'a boolean', true),
        withField(valid, 'confirmedNoIdentifiers', 'not confirmed', MISSING),
        withField(valid, 'confirmedNoIdentifiers', 'no', 'no'),
        withField(valid, 'sessionId', 'not a uuid', 'not-a-uuid'),
        { label: "someone else's session", input: { ...valid, sessionId: f.otherSession.id }, expect: { code: 'VALIDATION', field: 'sessionId' } },
        { label: 'a session that does not exist', input: { ...valid, sessionId: UNKNOWN_ID }, expect: { code: 'VALIDATION', field: 'sessionId' } },
        { label: 'someone whose placement has ended', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('title'),
      ];
    },
  },
  'library.entry.review': {
    caller: 'staff',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { entryId: f.proposed.id, version: 1, decision: 'APPROVE' };
      return [
        ...fieldCases(valid, { entryId: 'uuid', version: 'version', decision: 'enum' }),
        { label: 'an entry already published', input: { ...valid, entryId: f.published.id }, expect: { code: 'CONFLICT' } },
        { label: 'an entry withdrawn', input: { ...valid, entryId: f.withdrawn.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: 'their own entry', input: { ...valid, entryId: f.staffEntry.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'an entry that does not exist', input: { ...valid, entryId: UNKNOWN_ID }, expect: { code: 'FORBIDDEN' } },
        { label: 'the author', as: 'peerWorker', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "the team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('entryId'),
      ];
    },
  },
  'library.entry.withdraw': {
    caller: 'peerWorker',
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { entryId: f.published.id, version: 1 };
      return [
        ...fieldCases(valid, { entryId: 'uuid', version: 'version' }),
        { label: 'an entry already withdrawn', input: { ...valid, entryId: f.withdrawn.id }, expect: { code: 'CONFLICT' } },
        { label: 'a declined entry', input: { ...valid, entryId: f.declined.id }, expect: { code: 'CONFLICT' } },
        { label: 'a stale version', input: { ...valid, version: 9 }, expect: { code: 'CONFLICT' } },
        { label: "someone else's entry", input: { ...valid, entryId: f.newcomerEntry.id }, expect: { code: 'FORBIDDEN' } },
        { label: 'the peer supervisor who approved it', as: 'staff', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'an entry that does not exist', input: { ...valid, entryId: UNKNOWN_ID }, expect: { code: 'NOT_FOUND' } },
        emptyFormCase('entryId'),
      ];
    },
  },
  'supervision.settings.save': {
    cases: async (world) => {
      const f = await supervision(world);
      const valid = { smallNumbersThreshold: '6', version: f.settingsVersion };
      return [
        ...numberCases(valid, 'smallNumbersThreshold', [
          ['missing', MISSING],
          ['4, below the shared minimum', '4'],
          ['51', '51'],
          ['a fraction', '5.5'],
          ['words', 'five'],
          ['an object', { value: 6 }],
          ['10,000 characters', LONG],
        ]),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        { label: 'a version someone else has saved since', input: { ...valid, version: f.settingsVersion + 5 }, expect: { code: 'CONFLICT' } },
        { label: 'no version, when the settings exist', input: { smallNumbersThreshold: '6' }, expect: { code: 'CONFLICT' } },
        { label: 'HR', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('smallNumbersThreshold'),
      ];
    },
  },
  'dashboards.settings.save': {
    cases: async () => {
      // The settings exist (saved once), so a version is required and checked.
      const { version } = await db.dashboardSettings.upsert({ where: { id: 1 }, create: { id: 1, thresholds: DEFAULT_THRESHOLDS }, update: {}, select: { version: true } });
      const thresholds = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, { amber: String(DEFAULT_THRESHOLDS[key].amber), red: String(DEFAULT_THRESHOLDS[key].red) }])) as Record<IndicatorKey, { amber: unknown; red: unknown }>;
      const valid = { version, thresholds };
      /** The thresholds with one indicator's pair replaced (or left out), expecting an error on `field`. */
      const pair = (label: string, key: IndicatorKey, value: unknown, field: string): BadInputCase => {
        const changed: Valid = { ...thresholds };
        if (value === MISSING) delete changed[key];
        else changed[key] = value;
        return withField(valid, 'thresholds', `${key}: ${label}`, changed, field);
      };
      const amber = (label: string, key: IndicatorKey, value: unknown) => pair(`amber ${label}`, key, value === MISSING ? { red: thresholds[key].red } : { ...thresholds[key], amber: value }, `thresholds.${key}.amber`);
      return [
        ...numberCases(valid, 'thresholds', [
          ['missing', MISSING],
          ['null', null],
          ['a string', 'defaults'],
          ['a list', [thresholds.openParityIssues]],
        ]),
        pair('missing', 'clearRole', MISSING, 'thresholds.clearRole'),
        pair('null', 'clearRole', null, 'thresholds.clearRole'),
        pair('a number', 'openParityIssues', 2, 'thresholds.openParityIssues'),
        amber('missing', 'openParityIssues', MISSING),
        amber('blank', 'openParityIssues', '  '),
        amber('words', 'openParityIssues', 'two'),
        amber('negative', 'openParityIssues', '-1'),
        amber('with an exponent', 'openParityIssues', '1e3'),
        amber('three decimal places', 'clearRole', '3.555'),
        amber('six digits', 'libraryEntries', '123456'),
        amber('null', 'openParityIssues', null),
        amber('an object', 'openParityIssues', { value: 2 }),
        amber('a list', 'openParityIssues', ['2']),
        amber('10,000 characters', 'openParityIssues', LONG),
        amber('a formula', 'openParityIssues', '=1+1'),
        // Red must be at least as bad as amber, in the indicator's direction; percentages 0 to 100, scores 1 to 5, counts whole.
        pair('red below amber (more is worse)', 'openParityIssues', { amber: '3', red: '1' }, 'thresholds.openParityIssues.red'),
        pair('red above amber (less is worse)', 'peerSupervisionShare', { amber: '20', red: '40' }, 'thresholds.peerSupervisionShare.red'),
        pair('red above amber on a score', 'clearRole', { amber: '3', red: '3.5' }, 'thresholds.clearRole.red'),
        pair('a percentage over 100', 'insecureContractShare', { amber: '50', red: '101' }, 'thresholds.insecureContractShare.red'),
        pair('a score over 5', 'practiseAsPeer', { amber: '6', red: '3' }, 'thresholds.practiseAsPeer.red'),
        pair('a score of 0', 'practiseAsPeer', { amber: '3.5', red: '0' }, 'thresholds.practiseAsPeer.red'),
        pair('a fraction of a count', 'withoutAgreedRole', { amber: '1.5', red: '2' }, 'thresholds.withoutAgreedRole.red'),
        pair('a count over 10,000', 'unsettledContested', { amber: '1', red: '10001' }, 'thresholds.unsettledContested.red'),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        { label: 'a version someone else has saved since', input: { ...valid, version: version + 5 }, expect: { code: 'CONFLICT' } },
        { label: 'no version, when the settings exist', input: { thresholds }, expect: { code: 'CONFLICT' } },
        { label: 'HR', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: "a team's manager", as: 'managerOfThisTeam', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('thresholds'),
      ];
    },
  },
  'signIn.settings.save': {
    cases: async () => {
      // The settings exist (saved once), so a version is required and checked.
      const { version } = await db.signInSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: { version: true } });
      const valid = { version, identityProviderRequired: 'no', allowedEmailDomains: 'nhs.net' };
      return [
        withField(valid, 'identityProviderRequired', 'missing', MISSING),
        withField(valid, 'identityProviderRequired', 'true instead of yes', true),
        withField(valid, 'identityProviderRequired', 'maybe', 'maybe'),
        withField(valid, 'allowedEmailDomains', 'missing', MISSING),
        withField(valid, 'allowedEmailDomains', 'a list', ['nhs.net']),
        withField(valid, 'allowedEmailDomains', 'an email, not a domain', 'someone@nhs.net'),
        withField(valid, 'allowedEmailDomains', 'no dot', 'localhost'),
        withField(valid, 'allowedEmailDomains', 'spaces inside', 'nhs net'),
        withField(valid, 'allowedEmailDomains', 'a script', '<script>x</script>.nhs.net'),
        withField(valid, 'allowedEmailDomains', '51 domains', Array.from({ length: 51 }, (_, index) => `trust${index}.nhs.uk`).join('\n')),
        withField(valid, 'allowedEmailDomains', '10,000 characters', LONG),
        withField(valid, 'version', 'text', 'latest'),
        withField(valid, 'version', 'zero', 0),
        { label: 'a version someone else has saved since', input: { ...valid, version: version + 5 }, expect: { code: 'CONFLICT' } },
        { label: 'no version, when the settings exist', input: { identityProviderRequired: 'no', allowedEmailDomains: '' }, expect: { code: 'CONFLICT' } },
        { label: 'HR', as: 'hr', input: valid, expect: { code: 'FORBIDDEN' } },
        { label: 'a service-user representative', as: 'serviceUserRep', input: valid, expect: { code: 'FORBIDDEN' } },
        emptyFormCase('identityProviderRequired'),
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
let fixtures: RoleFixtures;

beforeAll(async () => {
  world = await buildWorld({ passwordHash: await hashOfTestPassword() });
  fixtures = await buildRoleFixtures(world);
});

describe('the snapshot that "nothing changed" is checked against', () => {
  it('notices a change to a single row of any table, and nothing else', async () => {
    const before = await snapshotDatabase();
    expect(await snapshotDatabase()).toEqual(before);
    await db.role.update({ where: { id: fixtures.draftRole.id }, data: { title: 'Draft role' } });
    // Writing the same title still moves updatedAt on: a silent overwrite is a change.
    const after = await snapshotDatabase();
    expect(after.counts).toEqual(before.counts);
    expect(Object.keys(after.digests).filter((table) => after.digests[table] !== before.digests[table])).toEqual(['Role']);
  });
});

describe.each(Object.keys(BAD_INPUT))('%s', (name) => {
  it('turns every bad input away and changes nothing', async () => {
    const discovered = discovery.actions.find((entry) => entry.name === name);
    if (!discovered) throw new Error(`No server action named ${name} exists any more: remove it from BAD_INPUT`);
    const entry = BAD_INPUT[name];
    const cases = [...WHOLE_INPUT_CASES, ...(await entry.cases(world, fixtures))];
    expect(cases.length).toBeGreaterThan(WHOLE_INPUT_CASES.length);

    const failures: string[] = [];
    for (const testCase of cases) {
      signInAs(callerUser(world, testCase.as ?? entry.caller ?? 'admin'));
      const before = await snapshotDatabase();
      const result = await discovered.action(null, testCase.input);
      const after = await snapshotDatabase();

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

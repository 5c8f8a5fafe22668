import { DEFAULT_TEMPLATE_TASKS } from '@/lib/onboarding/default-template';
import { addDays, dueDate, isOverdue, openParityIssues, parityIssues, roleTerms, weekdayOf, type ParityFacts } from '@/lib/onboarding/rules';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const staff = { isPeerWorker: false, workingDays: [] };

describe('due dates from a start date', () => {
  // Monday 4 January 2027.
  const start = day('2027-01-04');

  it('adds the offset, before or after the start', () => {
    expect(weekdayOf(start)).toBe('MON');
    expect(dueDate(start, 0, staff)).toEqual(start);
    expect(dueDate(start, 3, staff)).toEqual(day('2027-01-07'));
    expect(dueDate(start, -7, staff)).toEqual(day('2026-12-28'));
  });

  it('never puts anyone else’s task on a weekend: later from the start on, earlier before it', () => {
    expect(dueDate(start, 5, staff)).toEqual(day('2027-01-11')); // Saturday → Monday
    expect(dueDate(start, 6, staff)).toEqual(day('2027-01-11')); // Sunday → Monday
    expect(dueDate(start, -2, staff)).toEqual(day('2027-01-01')); // Saturday before the start → the Friday
  });

  it('puts the peer worker’s own task on a day they work', () => {
    const tuesdaysAndThursdays = { isPeerWorker: true, workingDays: ['TUE' as const, 'THU' as const] };
    expect(dueDate(start, 0, tuesdaysAndThursdays)).toEqual(day('2027-01-05'));
    expect(dueDate(start, 3, tuesdaysAndThursdays)).toEqual(day('2027-01-07'));
    expect(dueDate(start, 4, tuesdaysAndThursdays)).toEqual(day('2027-01-12'));
    // Before the start: the working day before.
    expect(dueDate(start, -1, tuesdaysAndThursdays)).toEqual(day('2026-12-31'));
    // A peer worker who works Saturdays can owe a task on one.
    expect(dueDate(start, 5, { isPeerWorker: true, workingDays: ['SAT'] })).toEqual(day('2027-01-09'));
    // No working days recorded: Monday to Friday.
    expect(dueDate(start, 5, { isPeerWorker: true, workingDays: [] })).toEqual(day('2027-01-11'));
  });

  it('is overdue once the due day has passed and it is not completed', () => {
    const task = { dueOn: day('2027-01-05'), status: 'IN_PROGRESS' as const };
    expect(isOverdue(task, day('2027-01-05'))).toBe(false);
    expect(isOverdue(task, day('2027-01-06'))).toBe(true);
    expect(isOverdue({ ...task, status: 'COMPLETED' }, day('2027-02-01'))).toBe(false);
    expect(isOverdue({ ...task, status: 'CANNOT_START' }, day('2027-02-01'))).toBe(true);
    expect(addDays(day('2027-01-31'), 1)).toEqual(day('2027-02-01'));
  });
});

describe('parity with the team', () => {
  const onPar: ParityFacts = {
    workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    contractType: 'PERMANENT',
    band: 4,
    hoursPerWeek: 37.5,
    peerSupervisorId: 'supervisor',
    systems: ['Email', 'RiO'],
    team: { meetings: [{ id: 'mdt', name: 'MDT', day: 'WED', time: '10:00', main: true }], colleagueSystems: new Map([['Email', 6], ['RiO', 6], ['Psychometrics', 1]]), colleagues: 6 },
    role: { contractType: 'PERMANENT', band: 4, hoursPerWeek: 37.5 },
  };

  it('finds nothing when the arrangements match the team and the role', () => {
    expect(parityIssues(onPar)).toEqual([]);
  });

  it('finds the main meeting on a day the peer worker does not work', () => {
    const issues = parityIssues({ ...onPar, workingDays: ['MON', 'TUE'] });
    expect(issues.map((issue) => issue.kind)).toEqual(['MEETING_ON_DAY_OFF']);
    expect(issues[0].message).toBe('The team’s main decision-making meeting is on Wednesdays at 10:00, a day the peer worker does not work.');
  });

  it('finds systems most colleagues have and the peer worker does not, not one specialist’s', () => {
    const issues = parityIssues({ ...onPar, systems: ['Email'] });
    expect(issues.map((issue) => [issue.kind, issue.key])).toEqual([['SYSTEMS_ACCESS', 'system:RiO']]);
    expect(issues[0].message).toBe('6 of 6 colleagues in the team have RiO; the peer worker does not.');
  });

  it('finds a contract, band or hours below what the agreed role says, and no peer supervisor', () => {
    const issues = parityIssues({ ...onPar, contractType: 'SESSIONAL', band: 3, hoursPerWeek: 15, peerSupervisorId: null });
    expect(issues.map((issue) => issue.kind)).toEqual(['CONTRACT_BELOW_ROLE', 'BAND_BELOW_ROLE', 'HOURS_BELOW_ROLE', 'NO_PEER_SUPERVISOR']);
    // Where the role says nothing, nothing is compared.
    expect(parityIssues({ ...onPar, contractType: 'VOLUNTARY', band: null, hoursPerWeek: 7, role: { contractType: null, band: null, hoursPerWeek: null } })).toEqual([]);
    // Fixed-term against fixed-term is on a par; more hours than the role is not an issue.
    expect(parityIssues({ ...onPar, contractType: 'FIXED_TERM', hoursPerWeek: 40, role: { ...onPar.role, contractType: 'FIXED_TERM' } })).toEqual([]);
  });

  it('keeps an accepted issue closed while its facts hold, and shows it again when they change', () => {
    const facts = { ...onPar, workingDays: ['MON', 'TUE'] as ParityFacts['workingDays'] };
    const [issue] = parityIssues(facts);
    const accepted = [{ key: issue.key, facts: issue.facts }];
    expect(openParityIssues(parityIssues(facts), accepted)).toEqual([]);
    // The meeting moves to Thursday: still on a day off, but a different fact to accept.
    const moved = { ...facts, team: { ...facts.team, meetings: [{ ...facts.team.meetings[0], day: 'THU' as const }] } };
    expect(openParityIssues(parityIssues(moved), accepted).map((open) => open.kind)).toEqual(['MEETING_ON_DAY_OFF']);
  });
});

describe('the default onboarding template', () => {
  const task = (title: RegExp) => DEFAULT_TEMPLATE_TASKS.find((item) => title.test(item.title));

  it('follows the UK guidance the issue names, in every section', () => {
    expect(new Set(DEFAULT_TEMPLATE_TASKS.map((item) => item.section)).size).toBe(7);
    // The team is prepared before the peer worker starts, from the agreed role.
    expect(task(/what peer support is, and is not/u)?.offsetDays).toBeLessThan(0);
    // The same email, records access and IT as colleagues from day one.
    for (const title of [/email account/u, /records system/u, /laptop/u]) expect(task(title)?.offsetDays).toBeLessThanOrEqual(0);
    expect(task(/HEE competence framework/u)).toBeDefined();
    expect(task(/WRAP/u)?.required).toBe(false);
    // A supervision agreement in the first two weeks, local induction within four.
    expect(task(/supervision agreement/u)?.offsetDays).toBeLessThanOrEqual(14);
    expect(task(/local induction/u)?.offsetDays).toBeLessThanOrEqual(28);
    expect(task(/Six-week review/u)?.offsetDays).toBe(42);
    expect(task(/Three-month review/u)?.offsetDays).toBeGreaterThanOrEqual(89);
    expect(DEFAULT_TEMPLATE_TASKS.every((item) => item.offsetDays >= -180 && item.offsetDays <= 365)).toBe(true);
  });
});

describe('roleTerms', () => {
  it('reads the band from the free text of the agreed role', () => {
    expect(roleTerms({ contractType: 'PERMANENT', hoursPerWeek: 22.5, payBand: 'Band 4' })).toEqual({ contractType: 'PERMANENT', band: 4, hoursPerWeek: 22.5 });
    expect(roleTerms({ contractType: null, hoursPerWeek: null, payBand: 'AfC 3' }).band).toBe(3);
    expect(roleTerms({ contractType: null, hoursPerWeek: null, payBand: '' }).band).toBeNull();
    expect(roleTerms({ contractType: null, hoursPerWeek: null, payBand: 'Band 10' }).band).toBeNull();
    expect(roleTerms({ contractType: 'NONSENSE', hoursPerWeek: null, payBand: '' }).contractType).toBeNull();
  });
});

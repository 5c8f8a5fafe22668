import { guessMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS, ImportFormatError, MAX_CELL_LENGTH, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, mappingProblems, parseOrgRole, parseTable, parseTeamRole, planImport, readImportFile, readImportTable, type ExistingPerson } from '@/lib/people/rules';
import { ORG_ROLE_SHORT_LABELS } from '@/lib/people/labels';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

/*
 * The import's rules on hand-made files (issue 14 §3, §5): reading CSV and
 * pasted rows, guessing the columns, and judging every row before anything
 * is written.
 */

/** The export's header (lib/people/directory.ts DIRECTORY_HEADER is built the same way). */
const DIRECTORY_HEADER = IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]);

describe('reading a file', () => {
  it('reads quoted cells, doubled quotes, line breaks inside quotes, CRLF and LF, and drops a BOM and blank lines', () => {
    const text = '\uFEFFName,Email\r\n"Bloggs, Jo","jo@nhs.net"\r\n\r\n"Said ""hi""",x@nhs.net\n"Two\nlines",y@nhs.net\n';
    expect(parseTable(text)).toEqual([
      ['Name', 'Email'],
      ['Bloggs, Jo', 'jo@nhs.net'],
      ['Said "hi"', 'x@nhs.net'],
      ['Two\nlines', 'y@nhs.net'],
    ]);
  });

  it('reads rows pasted from a spreadsheet, separated by tabs', () => {
    expect(parseTable('Name\tEmail\tTeam\nJo Bloggs\tjo@nhs.net\tWard, East\n')).toEqual([
      ['Name', 'Email', 'Team'],
      ['Jo Bloggs', 'jo@nhs.net', 'Ward, East'],
    ]);
  });

  it('takes off the apostrophe the export puts before a formula, and only that', () => {
    expect(parseTable(`"'=SUM(A1)","'@x","'plain","it's"`)).toEqual([['=SUM(A1)', '@x', "'plain", "it's"]]);
  });

  it('refuses a file that ends inside a quoted cell', () => {
    expect(() => parseTable('Name,Email\n"Jo,jo@nhs.net\n')).toThrow(ImportFormatError);
  });
});

describe('what a file may be', () => {
  it('refuses a file too wide, too long, with a cell too long, or with nobody in it', () => {
    expect(() => readImportTable(['Name,Email', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `P${index},p${index}@nhs.net`)].join('\n'))).toThrow(/import at most 20,000 at a time/u);
    expect(() => readImportTable(`${Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, index) => `C${index}`).join(',')}\nA,a@nhs.net`)).toThrow('The file has 201 columns');
    expect(() => readImportTable(`Name,Email\n${'x'.repeat(MAX_CELL_LENGTH + 1)},a@nhs.net`)).toThrow('Line 2 has a cell longer than 1,000 characters');
    expect(() => readImportTable('Name,Email\n')).toThrow('nobody under it');
    expect(() => readImportTable(' \n ')).toThrow(ImportFormatError);
    expect(readImportTable('Name,Email\nA,a@nhs.net')).toEqual([['Name', 'Email'], ['A', 'a@nhs.net']]);
  });

  it('tells a workbook, a binary file, an empty one and one too large from CSV, and reads Windows-1252', () => {
    expect(() => readImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toThrow('spreadsheet workbook');
    expect(() => readImportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toThrow('spreadsheet workbook');
    expect(() => readImportFile(new Uint8Array([0x41, 0x00, 0x42]))).toThrow('not a CSV file');
    expect(() => readImportFile(new Uint8Array())).toThrow('empty');
    expect(() => readImportFile(new Uint8Array(10 * 1024 * 1024 + 1))).toThrow('The file is 10.0 MB: it must be 10.0 MB or smaller');
    expect(readImportFile(new Uint8Array([0x53, 0x69, 0xe2, 0x6e]))).toBe('Siân');
    expect(readImportFile(new TextEncoder().encode('Siân'))).toBe('Siân');
  });
});

describe('guessing the columns', () => {
  it('maps the export’s own header, so an exported file imports as it is', () => {
    expect(guessMapping(DIRECTORY_HEADER)).toEqual({ name: 0, email: 1, jobTitle: 2, team: 3, teamRole: 4, orgRole: 5 });
  });

  it('maps a workforce system’s headers, in any order and case, and leaves out what it does not know', () => {
    expect(guessMapping(['Employee Number', 'Work Email', 'Full Name', 'Position Title', 'Department'])).toEqual({ name: 2, email: 1, jobTitle: 3, team: 4, teamRole: null, orgRole: null });
  });

  it('says what is missing or wrong in a mapping', () => {
    expect(mappingProblems({ name: null, email: null, jobTitle: null, team: null, teamRole: 1, orgRole: null }, 3)).toEqual([
      'Choose the column that holds each person’s name',
      'Choose the column that holds each person’s email address',
      'Choose the team column too: a team role needs a team',
    ]);
    expect(mappingProblems({ name: 0, email: 0, jobTitle: null, team: null, teamRole: null, orgRole: 9 }, 3)).toEqual(['A chosen column is not in the file', 'Choose a different column for each field']);
    expect(mappingProblems(guessMapping(DIRECTORY_HEADER), 6)).toEqual([]);
  });

  it('reads roles as the export writes them, as codes, and as people write them', () => {
    for (const [role, label] of Object.entries(TEAM_ROLE_LABELS)) expect(parseTeamRole(label)).toBe(role);
    for (const [role, label] of Object.entries(ORG_ROLE_SHORT_LABELS)) expect(parseOrgRole(label)).toBe(role);
    expect(parseTeamRole('peer_worker')).toBe('PEER_WORKER');
    expect(parseTeamRole('Peer Support Worker')).toBe('PEER_WORKER');
    expect(parseOrgRole('admin')).toBe('ADMIN');
    expect(parseTeamRole('Consultant')).toBeNull();
    expect(parseOrgRole('Superuser')).toBeNull();
  });
});

describe('judging the rows', () => {
  const teams = new Map([
    ['ward east', { id: 'team-ward', name: 'Ward East' }],
    ['crisis team', { id: 'team-crisis', name: 'Crisis Team' }],
  ]);
  const mapping = guessMapping(DIRECTORY_HEADER);
  const person = (overrides: Partial<ExistingPerson> = {}): ExistingPerson => ({ id: 'user-jo', name: 'Jo Bloggs', jobTitle: 'Peer support worker', orgRole: 'MEMBER', disabled: false, memberships: new Map([['team-ward', 'PEER_WORKER']]), ...overrides });

  it('plans a new person with their teams, and a person in two teams from two rows', () => {
    const plan = planImport(
      [
        ['Sam New', 'SAM@nhs.net', 'Nurse', 'Ward East', 'Staff (non-peer)', ''],
        ['Sam New', 'sam@nhs.net', 'Nurse', 'crisis team', 'Manager', ''],
      ],
      mapping,
      { existing: new Map(), teams },
    );
    expect(plan.errors).toBe(0);
    expect(plan.rows.map((row) => [row.line, row.outcome, row.team])).toEqual([
      [2, 'CREATE', 'Ward East'],
      [3, 'CREATE', 'Crisis Team'],
    ]);
    expect(plan.people).toEqual([
      { email: 'sam@nhs.net', name: 'Sam New', jobTitle: 'Nurse', orgRole: 'MEMBER', existingId: null, outcome: 'CREATE', memberships: [{ teamId: 'team-ward', role: 'STAFF' }, { teamId: 'team-crisis', role: 'MANAGER' }] },
    ]);
  });

  it('finds nothing to change when the same people come back, and an update when something differs', () => {
    const existing = new Map([['jo@nhs.net', person()]]);
    const same = planImport([['Jo Bloggs', 'jo@nhs.net', 'Peer support worker', 'Ward East', 'Peer worker', 'Team member']], mapping, { existing, teams });
    expect(same.people.map((planned) => planned.outcome)).toEqual(['UNCHANGED']);
    expect(same.people[0].memberships).toEqual([]);
    const newTitle = planImport([['Jo Bloggs', 'jo@nhs.net', 'Senior peer support worker', 'Ward East', 'Peer worker', '']], mapping, { existing, teams });
    expect(newTitle.people[0]).toMatchObject({ outcome: 'UPDATE', jobTitle: 'Senior peer support worker', orgRole: null, existingId: 'user-jo', memberships: [] });
    const newTeam = planImport([['Jo Bloggs', 'jo@nhs.net', 'Peer support worker', 'Crisis Team', 'Peer worker', '']], mapping, { existing, teams });
    expect(newTeam.people[0]).toMatchObject({ outcome: 'UPDATE', memberships: [{ teamId: 'team-crisis', role: 'PEER_WORKER' }] });
  });

  it('leaves what the file has no column for as it is: job title and organisation role', () => {
    const existing = new Map([['jo@nhs.net', person({ orgRole: 'HR' })]]);
    const plan = planImport([['jo@nhs.net', 'Jo Bloggs']], { name: 1, email: 0, jobTitle: null, team: null, teamRole: null, orgRole: null }, { existing, teams });
    expect(plan.people).toEqual([{ email: 'jo@nhs.net', name: 'Jo Bloggs', jobTitle: 'Peer support worker', orgRole: null, memberships: [], existingId: 'user-jo', outcome: 'UNCHANGED' }]);
  });

  it('gives each bad row its reasons, and imports nothing of a person with one', () => {
    const plan = planImport(
      [
        ['', 'no-name@nhs.net', '', '', '', ''],
        ['Bad Email', 'not-an-email', '', '', '', ''],
        ['Lost', 'lost@nhs.net', '', 'Ward West', 'Manager', ''],
        ['Odd Role', 'odd@nhs.net', '', 'Ward East', 'Consultant', 'Superuser'],
        ['No Team', 'noteam@nhs.net', '', '', 'Manager', ''],
        ['Pat Twice', 'pat@nhs.net', 'Nurse', 'Ward East', 'Staff', ''],
        ['Pat Twice', 'pat@nhs.net', 'Doctor', 'Crisis Team', 'Staff', ''],
        ['Lee Again', 'lee@nhs.net', '', 'Ward East', 'Staff', ''],
        ['Lee Again', 'lee@nhs.net', '', 'Ward East', 'Manager', ''],
      ],
      mapping,
      { existing: new Map(), teams },
    );
    const reasons = Object.fromEntries(plan.rows.map((row) => [row.line, row.errors]));
    expect(reasons[2]).toEqual(['Enter their name']);
    expect(reasons[3]).toEqual(['“not-an-email” is not an email address']);
    expect(reasons[4]).toEqual(['There is no team called “Ward West”: add it first, or check its spelling']);
    expect(reasons[5]).toEqual([
      '“Consultant” is not a team role: use Manager, Staff (non-peer) or Peer worker',
      '“Superuser” is not an organisation role: use Team member, Administrator, HR and recruitment or Service-user representative',
    ]);
    expect(reasons[6]).toEqual(['A team role needs a team']);
    expect(reasons[7]).toEqual(['Not imported: another of this person’s rows has a problem']);
    expect(reasons[8]).toEqual(['pat@nhs.net is on line 7 with a different name, job title or organisation role: a person’s rows must agree']);
    expect(reasons[10]).toEqual(['lee@nhs.net is in Ward East on line 9 already']);
    expect(plan.rows.every((row) => row.outcome === 'ERROR')).toBe(true);
    expect(plan.errors).toBe(9);
    expect(plan.people).toEqual([]);
  });

  it('lists active people missing from the file, and never a disabled one', () => {
    const existing = new Map([
      ['jo@nhs.net', person()],
      ['gone@nhs.net', person({ id: 'user-gone', disabled: true })],
      ['ali@nhs.net', person({ id: 'user-ali', name: 'Ali' })],
    ]);
    expect(planImport([['Jo Bloggs', 'jo@nhs.net', 'Peer support worker', 'Ward East', 'Peer worker', '']], mapping, { existing, teams }).missing).toEqual(['ali@nhs.net']);
  });
});

import { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';
import { ORG_ROLE_LABELS, ORG_ROLE_SHORT_LABELS } from '@/lib/people/labels';
import { email as emailField } from '@/lib/schema-fields';

/*
 * Bringing people and teams in from a spreadsheet (issue 14 §3), the rules
 * alone, pure so that they are unit-tested on hand-made files: reading CSV
 * (or the same columns pasted from a spreadsheet, tab-separated), guessing
 * which column is which from its header, and judging every row before
 * anything is written: create, update, unchanged, or an error with the
 * reason. A row is one person's place in a team, as the export writes it
 * (lib/people/directory.ts): a person in two teams is two rows, which must
 * agree on the person.
 */

export const IMPORT_FIELDS = ['name', 'email', 'jobTitle', 'team', 'teamRole', 'orgRole'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The columns as the export heads them. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = { name: 'Name', email: 'Email', jobTitle: 'Job title', team: 'Team', teamRole: 'Team role', orgRole: 'Organisation role' };

/** Which column (0-based) holds each field; null when the file has none. Name and email are required. */
export type ColumnMapping = Record<ImportField, number | null>;

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

/** The largest file read: a trust's whole staff list as CSV is a few megabytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most rows one import takes (a person in two teams is two rows). */
export const MAX_IMPORT_ROWS = 20_000;
/** The most columns a file may have (the column choices go up to this), and the longest cell: a staff list has short values. */
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_CELL_LENGTH = 1_000;
/** Imports writing more people than this run as a background job with a progress bar; smaller ones are written at once. */
export const SMALL_IMPORT_PEOPLE = 200;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/**
 * The text of an uploaded file, or an ImportFormatError saying what it is
 * instead: too large, empty, a spreadsheet workbook or another binary file.
 * UTF-8 is expected (Excel's "CSV UTF-8"); a file that is not valid UTF-8 is
 * read as Windows-1252, which is what Excel's plain "CSV" writes in the UK.
 */
export function readImportFile(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFormatError(`The file is ${megabytes(bytes.length)}: it must be ${megabytes(MAX_IMPORT_BYTES)} or smaller. Leave out columns PeerRoles does not need, or split it by team.`);
  if (bytes.length === 0) throw new ImportFormatError('The file is empty: choose the CSV file with your people in it.');
  const startsWith = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportFormatError('The file is a spreadsheet workbook, not CSV: in Excel choose File, Save a copy, “CSV UTF-8 (comma delimited)”, and upload that file.');
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new ImportFormatError('The file is not a CSV file: upload a CSV file, or paste the rows from your spreadsheet instead.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The file's rows, header first, ready to be judged: at least one person,
 * not more than MAX_IMPORT_ROWS.
 */
export function readImportTable(text: string): string[][] {
  if (text.trim() === '') throw new ImportFormatError('The file is empty: choose the CSV file with your people in it.');
  const rows = parseTable(text);
  if (rows.length < 2) throw new ImportFormatError('The file has a header row but nobody under it: add a row for each person.');
  if (rows.length - 1 > MAX_IMPORT_ROWS) throw new ImportFormatError(`The file has ${(rows.length - 1).toLocaleString('en-GB')} rows: import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time, split by team.`);
  const widest = Math.max(...rows.map((row) => row.length));
  if (widest > MAX_IMPORT_COLUMNS) throw new ImportFormatError(`The file has ${widest} columns: leave out the ones PeerRoles does not need (at most ${MAX_IMPORT_COLUMNS}).`);
  const long = rows.findIndex((row) => row.some((cell) => cell.length > MAX_CELL_LENGTH));
  if (long >= 0) throw new ImportFormatError(`Line ${long + 1} has a cell longer than ${MAX_CELL_LENGTH.toLocaleString('en-GB')} characters: check the file is a staff list, with each value in its own cell.`);
  return rows;
}

const FORMULA_GUARD = /^'[=+\-@\t\r]/u;

/**
 * The cells of a CSV file (RFC 4180: quoted cells, doubled quotes, line
 * breaks inside quotes, CRLF or LF), or of rows pasted from a spreadsheet
 * (tab-separated, told by a tab and no comma in the first line). A byte-order
 * mark is dropped, blank lines are skipped, and the apostrophe the export
 * puts before a cell that starts like a formula is taken off again, so an
 * exported file imports unchanged.
 */
export function parseTable(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/u));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  const endCell = () => {
    row.push(FORMULA_GUARD.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (row.some((value) => value.trim() !== '')) rows.push(row);
    row = [];
  };
  while (index < source.length) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) endCell();
    else if (char === '\n' || char === '\r') {
      endRow();
      if (char === '\r' && source[index + 1] === '\n') index += 1;
    } else cell += char;
    index += 1;
  }
  if (quoted) throw new ImportFormatError('The file ends inside a quoted cell: check that every opening quote mark is closed.');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z]/gu, '');

/** Headers a workforce system or a spreadsheet might use for each field, normalised (letters only, lower case). */
const HEADER_WORDS: Record<ImportField, readonly string[]> = {
  name: ['name', 'fullname', 'staffname', 'employeename', 'displayname', 'person'],
  email: ['email', 'emailaddress', 'workemail', 'nhsmail', 'nhsmailaddress', 'mail'],
  jobTitle: ['jobtitle', 'title', 'position', 'post', 'jobrole', 'positiontitle'],
  team: ['team', 'teamname', 'department', 'ward', 'service', 'unit'],
  teamRole: ['teamrole', 'roleinteam', 'teamposition'],
  orgRole: ['organisationrole', 'organizationrole', 'orgrole', 'accessrole', 'peerrolesrole', 'systemrole'],
};

/** Each field's column, guessed from the header row; a header is used once, by the first field that names it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    const column = headers.findIndex((header, index) => !taken.has(index) && HEADER_WORDS[field].includes(normalise(header)));
    if (column >= 0) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** What is wrong with a mapping before rows are judged: a required field with no column, or two fields on one column. */
export function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const problems: string[] = [];
  for (const field of ['name', 'email'] as const) if (mapping[field] === null) problems.push(`Choose the column that holds each person’s ${field === 'name' ? 'name' : 'email address'}`);
  const used = IMPORT_FIELDS.map((field) => mapping[field]).filter((column): column is number => column !== null);
  if (used.some((column) => column < 0 || column >= columns)) problems.push('A chosen column is not in the file');
  if (new Set(used).size !== used.length) problems.push('Choose a different column for each field');
  if (mapping.teamRole !== null && mapping.team === null) problems.push('Choose the team column too: a team role needs a team');
  return problems;
}

const TEAM_ROLE_WORDS: Record<string, TeamRole> = {
  manager: 'MANAGER',
  teammanager: 'MANAGER',
  staff: 'STAFF',
  staffnonpeer: 'STAFF',
  nonpeerstaff: 'STAFF',
  peerworker: 'PEER_WORKER',
  peersupportworker: 'PEER_WORKER',
  peer: 'PEER_WORKER',
  ...Object.fromEntries(Object.values(TeamRole).map((role) => [normalise(role), role])),
};

const ORG_ROLE_WORDS: Record<string, OrgRole> = Object.fromEntries(
  Object.values(OrgRole).flatMap((role) => [normalise(role), normalise(ORG_ROLE_LABELS[role]), normalise(ORG_ROLE_SHORT_LABELS[role])].map((word) => [word, role])),
);
ORG_ROLE_WORDS.admin = 'ADMIN';
ORG_ROLE_WORDS.hr = 'HR';
ORG_ROLE_WORDS.member = 'MEMBER';
ORG_ROLE_WORDS.serviceuserrep = 'SERVICE_USER_REP';
ORG_ROLE_WORDS.serviceuserrepresentative = 'SERVICE_USER_REP';

export const parseTeamRole = (text: string): TeamRole | null => TEAM_ROLE_WORDS[normalise(text)] ?? null;
export const parseOrgRole = (text: string): OrgRole | null => ORG_ROLE_WORDS[normalise(text)] ?? null;

/** The same test of an email address as every form's (lib/schema-fields.ts). */
const isEmail = (value: string) => emailField.safeParse(value).success;
const MAX_NAME = 120;

/** A person as they are now, by lower-cased email. */
export interface ExistingPerson {
  id: string;
  name: string;
  jobTitle: string | null;
  orgRole: OrgRole;
  disabled: boolean;
  /** Their team roles, by team id. */
  memberships: ReadonlyMap<string, TeamRole>;
}

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

export interface JudgedRow {
  /** The line in the file (the header is line 1). */
  line: number;
  email: string;
  name: string;
  team: string;
  outcome: RowOutcome;
  errors: string[];
}

export interface PlannedPerson {
  email: string;
  name: string;
  jobTitle: string | null;
  /** Null: left as it is (an existing person, no role in the file). */
  orgRole: OrgRole | null;
  /** Team ids and roles to add or change (memberships not in the file are left). */
  memberships: Array<{ teamId: string; role: TeamRole }>;
  existingId: string | null;
  outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED';
}

/** A person already here whose organisation role the file changes: the preview lists each, access to PeerRoles being at stake. */
export interface RoleChange {
  email: string;
  name: string;
  from: OrgRole;
  to: OrgRole;
}

export interface ImportPlan {
  rows: JudgedRow[];
  people: PlannedPerson[];
  roleChanges: RoleChange[];
  /** Active people not in the file, by email: listed for a full import, never disabled unless asked. */
  missing: string[];
  errors: number;
}

/**
 * Every data row judged against the people and teams as they are now, before
 * anything is written. A row with a problem is an error with the reason; a
 * person with any such row is not imported at all. Re-importing the same
 * file plans nothing but "unchanged".
 */
export function planImport(
  dataRows: readonly string[][],
  mapping: ColumnMapping,
  { existing, teams, firstLine = 2 }: { existing: ReadonlyMap<string, ExistingPerson>; teams: ReadonlyMap<string, { id: string; name: string }>; firstLine?: number },
): ImportPlan {
  const cell = (row: readonly string[], field: ImportField) => (mapping[field] === null ? '' : (row[mapping[field]!] ?? '').trim());
  interface Draft {
    lines: JudgedRow[];
    name: string;
    jobTitle: string | null;
    orgRole: OrgRole | null;
    memberships: Map<string, { role: TeamRole; line: number }>;
  }
  const byEmail = new Map<string, Draft>();
  const rows: JudgedRow[] = dataRows.map((row, index) => {
    const line = firstLine + index;
    const email = cell(row, 'email').toLowerCase();
    const name = cell(row, 'name');
    const jobTitle = cell(row, 'jobTitle') || null;
    const teamName = cell(row, 'team');
    const teamRoleText = cell(row, 'teamRole');
    const orgRoleText = cell(row, 'orgRole');
    const errors: string[] = [];
    if (!name) errors.push('Enter their name');
    else if (name.length > MAX_NAME) errors.push(`Their name is longer than ${MAX_NAME} characters`);
    if (!email) errors.push('Enter their email address');
    else if (!isEmail(email)) errors.push(`“${email}” is not an email address`);
    if (jobTitle && jobTitle.length > MAX_NAME) errors.push(`The job title is longer than ${MAX_NAME} characters`);
    const team = teamName ? teams.get(teamName.toLowerCase()) : undefined;
    if (teamName && !team) errors.push(`There is no team called “${teamName}”: add it first, or check its spelling`);
    const teamRole = teamRoleText ? parseTeamRole(teamRoleText) : null;
    if (teamRoleText && !teamRole) errors.push(`“${teamRoleText}” is not a team role: use Manager, Staff (non-peer) or Peer worker`);
    if (teamName && !teamRoleText) errors.push('Enter their role in the team');
    if (!teamName && teamRoleText) errors.push('A team role needs a team');
    const orgRole = orgRoleText ? parseOrgRole(orgRoleText) : null;
    if (orgRoleText && !orgRole) errors.push(`“${orgRoleText}” is not an organisation role: use Team member, Administrator, HR and recruitment or Service-user representative`);
    const judged: JudgedRow = { line, email, name, team: team?.name ?? teamName, outcome: 'ERROR', errors };
    if (!email || !isEmail(email)) return judged;
    const draft = byEmail.get(email);
    if (!draft) {
      byEmail.set(email, { lines: [judged], name, jobTitle, orgRole, memberships: new Map(team && teamRole && errors.length === 0 ? [[team.id, { role: teamRole, line }]] : []) });
      return judged;
    }
    const first = draft.lines[0].line;
    if (draft.name !== name || draft.jobTitle !== jobTitle || draft.orgRole !== orgRole) errors.push(`${email} is on line ${first} with a different name, job title or organisation role: a person’s rows must agree`);
    if (team && draft.memberships.has(team.id)) errors.push(`${email} is in ${team.name} on line ${draft.memberships.get(team.id)!.line} already`);
    else if (team && teamRole && errors.length === 0) draft.memberships.set(team.id, { role: teamRole, line });
    draft.lines.push(judged);
    return judged;
  });

  const people: PlannedPerson[] = [];
  const roleChanges: RoleChange[] = [];
  for (const [email, draft] of byEmail) {
    if (draft.lines.some((row) => row.errors.length > 0)) {
      for (const row of draft.lines) if (row.errors.length === 0) row.errors.push('Not imported: another of this person’s rows has a problem');
      continue;
    }
    const current = existing.get(email);
    // A file with no job title column leaves everyone's as it is, rather than clearing it.
    const jobTitle = mapping.jobTitle === null ? (current?.jobTitle ?? null) : draft.jobTitle;
    const memberships = [...draft.memberships].map(([teamId, { role }]) => ({ teamId, role })).filter(({ teamId, role }) => current?.memberships.get(teamId) !== role);
    const changed = !current || current.name !== draft.name || current.jobTitle !== jobTitle || (draft.orgRole !== null && draft.orgRole !== current.orgRole) || memberships.length > 0;
    const outcome = !current ? 'CREATE' : changed ? 'UPDATE' : 'UNCHANGED';
    people.push({ email, name: draft.name, jobTitle, orgRole: current ? draft.orgRole : (draft.orgRole ?? 'MEMBER'), memberships, existingId: current?.id ?? null, outcome });
    if (current && draft.orgRole !== null && draft.orgRole !== current.orgRole) roleChanges.push({ email, name: draft.name, from: current.orgRole, to: draft.orgRole });
    for (const row of draft.lines) row.outcome = outcome;
  }
  const inFile = new Set(byEmail.keys());
  const missing = [...existing].filter(([email, person]) => !person.disabled && !inFile.has(email)).map(([email]) => email).sort();
  return { rows, people, roleChanges, missing, errors: rows.filter((row) => row.outcome === 'ERROR').length };
}

/** How many people each outcome has, and how many rows have errors: the preview's summary. */
export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  missing: number;
}

export function planCounts(plan: ImportPlan): PlanCounts {
  const count = (outcome: PlannedPerson['outcome']) => plan.people.filter((person) => person.outcome === outcome).length;
  return { create: count('CREATE'), update: count('UPDATE'), unchanged: count('UNCHANGED'), errors: plan.errors, missing: plan.missing.length };
}

/** The preview's counts as one token, posted back on confirming so a plan that changed meanwhile is noticed. */
export const countsToken = (counts: PlanCounts) => [counts.create, counts.update, counts.unchanged, counts.errors, counts.missing].join('-');

/** Role changes that give or take away administration of PeerRoles: the confirmation asks for these on their own. */
export const administratorChanges = (plan: Pick<ImportPlan, 'roleChanges'>) => plan.roleChanges.filter((change) => change.from === 'ADMIN' || change.to === 'ADMIN');

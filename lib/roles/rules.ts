import { z } from 'zod';

/**
 * The structured sections of a role description. A draft and every frozen
 * version store this shape as JSON; zod is the one definition of it, used to
 * validate saves, parse stored content and render it.
 */

export const ROLE_SECTIONS = [
  { key: 'purpose', title: 'Purpose of the role' },
  { key: 'values', title: 'Peer support values' },
  { key: 'responsibilities', title: 'Key responsibilities' },
  { key: 'notPart', title: 'What the role is not' },
  { key: 'working', title: 'Working arrangements' },
  { key: 'supervision', title: 'Supervision and support' },
  { key: 'training', title: 'Training and development' },
  { key: 'progression', title: 'Progression' },
] as const;

export type RoleSectionKey = (typeof ROLE_SECTIONS)[number]['key'];
export const ROLE_SECTION_KEYS = ROLE_SECTIONS.map((section) => section.key) as [RoleSectionKey, ...RoleSectionKey[]];
export const roleSectionKey = z.enum(ROLE_SECTION_KEYS, { error: 'Select a section of the role description' });

export function sectionTitle(key: string): string {
  return ROLE_SECTIONS.find((section) => section.key === key)?.title ?? key;
}

export const CONTRACT_TYPES = { PERMANENT: 'Permanent', FIXED_TERM: 'Fixed-term', SESSIONAL: 'Sessional', VOLUNTARY: 'Voluntary' } as const;
export const WORKING_DAYS = { MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday', SUN: 'Sunday' } as const;
export const SUPERVISION_TYPES = {
  PEER_SUPERVISION: 'Peer supervision by an experienced peer worker',
  LINE_MANAGEMENT: 'Line management',
  CLINICAL_SUPERVISION: 'Clinical supervision',
  REFLECTIVE_PRACTICE: 'Reflective practice group',
  OTHER: 'Other support',
} as const;

const line = (label: string, max = 500) => z.string({ error: `${label} must be text` }).trim().min(1, `Enter ${label.toLowerCase()} or remove the empty line`).max(max, `${label} must be ${max} characters or fewer`);
const longText = (label: string) => z.string({ error: `${label} must be text` }).trim().max(5000, `${label} must be 5,000 characters or fewer`);
const yesNo = z.boolean({ error: 'Answer yes or no' });

export const sectionSchemas = {
  purpose: z.object({ text: longText('Purpose') }),
  values: z.object({
    selected: z.array(z.string().trim().min(1).max(100), { error: 'Select values from the list' }).max(30, 'Select 30 values or fewer'),
    notes: longText('Other values'),
  }),
  responsibilities: z.object({ items: z.array(line('Responsibility'), { error: 'Enter the responsibilities as a list' }).max(40, 'List 40 responsibilities or fewer') }),
  notPart: z.object({ items: z.array(line('What the role is not'), { error: 'Enter the list of what the role is not' }).max(40, 'List 40 items or fewer') }),
  working: z.object({
    contractType: z.enum(Object.keys(CONTRACT_TYPES) as [keyof typeof CONTRACT_TYPES], { error: 'Select a contract type' }).nullable(),
    hoursPerWeek: z.number({ error: 'Hours per week must be a number' }).min(1, 'Hours per week must be at least 1').max(48, 'Hours per week must be 48 or fewer').nullable(),
    workingDays: z.array(z.enum(Object.keys(WORKING_DAYS) as [keyof typeof WORKING_DAYS], { error: 'Select working days from the list' })).max(7),
    payBand: z.string().trim().max(50, 'Pay band must be 50 characters or fewer'),
    base: z.string().trim().max(200, 'Base must be 200 characters or fewer'),
    teamMeetings: yesNo,
    recordsAccess: yesNo,
    sameIt: yesNo,
  }),
  supervision: z.object({
    arrangements: z
      .array(
        z.object({
          type: z.enum(Object.keys(SUPERVISION_TYPES) as [keyof typeof SUPERVISION_TYPES], { error: 'Select a type of supervision' }),
          provider: z.string().trim().max(200, 'Who provides it must be 200 characters or fewer'),
          everyWeeks: z.number({ error: 'Frequency must be a number of weeks' }).int('Frequency must be a whole number of weeks').min(1, 'Frequency must be at least every week').max(52, 'Frequency must be at least once a year'),
        }),
      )
      .max(10, 'List 10 arrangements or fewer'),
  }),
  training: z.object({ text: longText('Training and development') }),
  progression: z.object({ text: longText('Progression') }),
} satisfies Record<RoleSectionKey, z.ZodType>;

export const roleContentSchema = z.object(sectionSchemas);
export type RoleContent = z.output<typeof roleContentSchema>;
export type SectionContent<K extends RoleSectionKey> = RoleContent[K];

export const EMPTY_CONTENT: RoleContent = {
  purpose: { text: '' },
  values: { selected: [], notes: '' },
  responsibilities: { items: [] },
  notPart: { items: [] },
  working: { contractType: null, hoursPerWeek: null, workingDays: [], payBand: '', base: '', teamMeetings: true, recordsAccess: true, sameIt: true },
  supervision: { arrangements: [] },
  training: { text: '' },
  progression: { text: '' },
};

/** Stored JSON back to content; anything unreadable falls back to empty sections rather than crashing a page. */
export function parseContent(value: unknown): RoleContent {
  const parsed = roleContentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const partial = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const content = { ...EMPTY_CONTENT } as Record<RoleSectionKey, unknown>;
  for (const key of ROLE_SECTION_KEYS) {
    const section = sectionSchemas[key].safeParse(partial[key]);
    if (section.success) content[key] = section.data;
  }
  return content as RoleContent;
}

/** Which sections have something in them: the task list's "completed" and the submit check. */
export function sectionIsComplete(content: RoleContent, key: RoleSectionKey): boolean {
  switch (key) {
    case 'purpose':
    case 'training':
    case 'progression':
      return content[key].text.length > 0;
    case 'values':
      return content.values.selected.length > 0 || content.values.notes.length > 0;
    case 'responsibilities':
    case 'notPart':
      return content[key].items.length > 0;
    case 'working':
      return content.working.contractType !== null && content.working.hoursPerWeek !== null;
    case 'supervision':
      return content.supervision.arrangements.length > 0;
  }
}

/** Sections that must be complete before a draft can be submitted for agreement. */
export const REQUIRED_FOR_SUBMISSION: RoleSectionKey[] = ['purpose', 'values', 'responsibilities', 'notPart', 'working', 'supervision'];

const yes = (value: boolean) => (value ? 'Yes' : 'No');

/** A section as lines of plain text: what the comparison and the print view show. */
export function sectionLines(content: RoleContent, key: RoleSectionKey): string[] {
  switch (key) {
    case 'purpose':
    case 'training':
    case 'progression':
      return content[key].text ? content[key].text.split(/\r?\n/u).filter((text) => text.trim() !== '') : [];
    case 'values':
      return [...content.values.selected, ...(content.values.notes ? content.values.notes.split(/\r?\n/u).filter(Boolean) : [])];
    case 'responsibilities':
    case 'notPart':
      return content[key].items;
    case 'working': {
      const w = content.working;
      return [
        `Contract type: ${w.contractType ? CONTRACT_TYPES[w.contractType] : 'Not set'}`,
        `Hours per week: ${w.hoursPerWeek ?? 'Not set'}`,
        `Working days: ${w.workingDays.length ? w.workingDays.map((day) => WORKING_DAYS[day]).join(', ') : 'Not set'}`,
        `Pay band: ${w.payBand || 'Not set'}`,
        `Base: ${w.base || 'Not set'}`,
        `Attends team meetings: ${yes(w.teamMeetings)}`,
        `Access to the records system: ${yes(w.recordsAccess)}`,
        `Same IT as colleagues: ${yes(w.sameIt)}`,
      ];
    }
    case 'supervision':
      return content.supervision.arrangements.map(
        (arrangement) =>
          `${SUPERVISION_TYPES[arrangement.type]}${arrangement.provider ? ` (${arrangement.provider})` : ''}, every ${arrangement.everyWeeks} week${arrangement.everyWeeks === 1 ? '' : 's'}`,
      );
  }
}

export const DEFAULT_VALUE_OPTIONS = [
  'Mutuality',
  'Reciprocity',
  'Hope',
  'Lived experience as expertise',
  'Strengths-based',
  'Non-directive',
  'Recovery-focused',
  'Inclusive',
];

export const DEFAULT_NOT_PART_OPTIONS = [
  'Carrying out observations',
  'Administering or supervising medication',
  'Acting as a substitute for a clinician',
  'Carrying out formal risk assessments',
  'Covering staff shortages or the duty rota',
  'Restraint or physical intervention',
];

/** A new role's draft when the organisation has not written its own template. */
export const DEFAULT_TEMPLATE_CONTENT: RoleContent = {
  ...EMPTY_CONTENT,
  purpose: {
    text: 'To offer peer support to people using the service, drawing on lived experience of mental distress and recovery, and to help the team keep recovery and hope at the centre of its work.',
  },
  values: { selected: [...DEFAULT_VALUE_OPTIONS], notes: '' },
  notPart: { items: DEFAULT_NOT_PART_OPTIONS.slice(0, 3) },
  supervision: {
    arrangements: [
      { type: 'PEER_SUPERVISION', provider: 'An experienced peer worker', everyWeeks: 4 },
      { type: 'LINE_MANAGEMENT', provider: 'Team manager', everyWeeks: 6 },
    ],
  },
  training: { text: 'Peer support training against the Health Education England competence framework for mental health peer support workers; WRAP facilitator training.' },
};

import { z } from 'zod';
import type { ErrorSummaryItem } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/action';
import type { RoleContent, RoleSectionKey } from '@/lib/roles/rules';
import { sectionFormSchemas } from '@/lib/roles/schemas';

/**
 * The section forms post `value.<field>` beside roleId, draftVersion and
 * section, so that a plain HTML post and react-hook-form send the same shape
 * (saveDraftSection's input). This file turns stored content into form values,
 * validates those values in the browser with the server's own section schema,
 * and maps every error, from either side, onto the field it is about.
 */

export const SUPERVISION_ROWS_MIN = 4;
export const SUPERVISION_ROWS_MAX = 10;

export type SectionFormValue = Record<string, unknown>;

/** How many supervision rows to offer: four, or one spare beyond what is saved. */
export function supervisionRowCount(content: RoleContent): number {
  return Math.min(SUPERVISION_ROWS_MAX, Math.max(SUPERVISION_ROWS_MIN, content.supervision.arrangements.length + 1));
}

/** A section's saved content as the strings and arrays its form holds. */
export function sectionFormValue(content: RoleContent, section: RoleSectionKey): SectionFormValue {
  switch (section) {
    case 'purpose':
    case 'training':
    case 'progression':
      return { text: content[section].text };
    case 'values':
      return { selected: [...content.values.selected], notes: content.values.notes };
    case 'responsibilities':
    case 'notPart':
      return { items: content[section].items.join('\n') };
    case 'working': {
      const working = content.working;
      return {
        contractType: working.contractType ?? '',
        hoursPerWeek: working.hoursPerWeek === null ? '' : String(working.hoursPerWeek),
        workingDays: [...working.workingDays],
        payBand: working.payBand,
        base: working.base,
        teamMeetings: working.teamMeetings ? 'yes' : 'no',
        recordsAccess: working.recordsAccess ? 'yes' : 'no',
        sameIt: working.sameIt ? 'yes' : 'no',
      };
    }
    case 'supervision': {
      const rows: Record<string, { type: string; provider: string; everyWeeks: string }> = {};
      for (let index = 0; index < supervisionRowCount(content); index++) {
        const arrangement = content.supervision.arrangements[index];
        rows[String(index)] = arrangement
          ? { type: arrangement.type, provider: arrangement.provider, everyWeeks: String(arrangement.everyWeeks) }
          : { type: '', provider: '', everyWeeks: '' };
      }
      return { rows };
    }
  }
}

const toList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []);

/**
 * react-hook-form's values in the shape a form post has: a checkbox group that
 * is a lone `false` becomes an empty list, numbered rows (which it keeps as an
 * array) become an object keyed by row number, an unanswered radio becomes ''.
 */
export function normaliseSectionValue(section: RoleSectionKey, value: SectionFormValue): SectionFormValue {
  switch (section) {
    case 'values':
      return { ...value, selected: toList(value.selected) };
    case 'working':
      return { ...value, workingDays: toList(value.workingDays), contractType: typeof value.contractType === 'string' ? value.contractType : '' };
    case 'supervision': {
      const rows = value.rows && typeof value.rows === 'object' ? Object.entries(value.rows as Record<string, unknown>) : [];
      return { ...value, rows: Object.fromEntries(rows.filter(([, row]) => row && typeof row === 'object')) };
    }
    default:
      return value;
  }
}

/** Keys of rows someone has filled in: the server counts arrangements only from these. */
function filledRowKeys(value: SectionFormValue): string[] {
  const rows = (value.rows ?? {}) as Record<string, { type?: string; provider?: string; everyWeeks?: string } | undefined>;
  return Object.keys(rows)
    .sort((a, b) => Number(a) - Number(b))
    .filter((key) => {
      const row = rows[key];
      return Boolean(row && ((row.type ?? '') !== '' || (row.provider ?? '').trim() !== '' || (row.everyWeeks ?? '').trim() !== ''));
    });
}

/** The form field (as a dotted path under `value`) an error path is about, and a prefix that locates it within a list. */
function fieldOf(section: RoleSectionKey, path: ReadonlyArray<PropertyKey>, value: SectionFormValue): { field: string; prefix: string } {
  const [first, second, third] = path.map(String);
  if (section === 'supervision') {
    if (first === 'rows' && second !== undefined && third !== undefined) return { field: `rows.${second}.${third}`, prefix: '' };
    if (first === 'arrangements' && second !== undefined && third !== undefined) {
      // The content schema numbers only the filled-in rows.
      const key = filledRowKeys(value)[Number(second)] ?? '0';
      return { field: `rows.${key}.${third}`, prefix: '' };
    }
    return { field: 'rows.0.type', prefix: '' };
  }
  if ((first === 'items' || first === 'notes') && second !== undefined && /^\d+$/u.test(second)) {
    return { field: first, prefix: `Line ${Number(second) + 1}: ` };
  }
  return { field: first ?? '', prefix: '' };
}

/** The id of a field's input: `rows.0.type` → `rows-0-type`; error summary links point at it. */
export const fieldId = (field: string) => field.replace(/\./gu, '-');

const FIELD_ORDER: Record<RoleSectionKey, string[]> = {
  purpose: ['text'],
  values: ['selected', 'notes'],
  responsibilities: ['items'],
  notPart: ['items'],
  working: ['contractType', 'hoursPerWeek', 'workingDays', 'payBand', 'base', 'teamMeetings', 'recordsAccess', 'sameIt'],
  supervision: [],
  training: ['text'],
  progression: ['text'],
};

function order(section: RoleSectionKey, field: string): number {
  if (section === 'supervision') {
    const [, row, part] = field.split('.');
    return Number(row) * 3 + ['type', 'provider', 'everyWeeks'].indexOf(part);
  }
  const index = FIELD_ORDER[section].indexOf(field);
  return index === -1 ? 99 : index;
}

/**
 * Browser-side check with the server's own section schema. It passes the values
 * through untouched (bar normalising), since the server parses them again: a
 * transformed value (a list instead of the textarea's text) would not parse twice.
 */
export function sectionClientSchema(section: RoleSectionKey) {
  return z
    .object({
      roleId: z.string(),
      draftVersion: z.union([z.string(), z.number()]),
      section: z.string(),
      value: z.record(z.string(), z.unknown()),
    })
    .superRefine((input, ctx) => {
      const value = normaliseSectionValue(section, input.value);
      const parsed = sectionFormSchemas[section].safeParse(value);
      if (parsed.success) return;
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const { field, prefix } = fieldOf(section, issue.path, value);
        if (seen.has(field)) continue;
        seen.add(field);
        ctx.addIssue({ code: 'custom', message: `${prefix}${issue.message}`, path: ['value', ...field.split('.')] });
      }
    })
    .transform((input) => ({ ...input, value: normaliseSectionValue(section, input.value) }));
}

export type FieldMessages = Map<string, string>;

/** react-hook-form's nested errors as "dotted.path" → message. */
function flattenErrors(errors: unknown, path: string[] = [], into: FieldMessages = new Map()): FieldMessages {
  if (!errors || typeof errors !== 'object') return into;
  const record = errors as Record<string, unknown>;
  if (typeof record.message === 'string' && path.length > 0) {
    into.set(path.join('.'), record.message);
    return into;
  }
  for (const [key, child] of Object.entries(record)) {
    // A field can be called "type" (a supervision row's): only a leaf's own ref is skipped, and leaves returned above.
    if (key === 'ref') continue;
    flattenErrors(child, [...path, key], into);
  }
  return into;
}

const OUTER_FIELDS = new Set(['roleId', 'section', 'draftVersion', 'value', '_form']);

/**
 * Every error on a section form, by field: the browser's (nested under
 * `value.`), and the server's (keyed by the path inside the section, or by an
 * outer field). Returns messages per field and the error summary, in page order.
 */
export function sectionErrors(
  section: RoleSectionKey,
  clientErrors: unknown,
  result: ActionResult<unknown> | null,
  value: SectionFormValue,
): { byField: FieldMessages; summary: ErrorSummaryItem[] } {
  const byField: FieldMessages = new Map();
  const general: string[] = [];
  for (const [path, message] of flattenErrors(clientErrors)) {
    // Paths outside `value.` are useActionForm's copies of the server's errors, handled below with their line numbers.
    if (!path.startsWith('value.')) continue;
    const { field } = fieldOf(section, path.slice('value.'.length).split('.'), value);
    if (!byField.has(field)) byField.set(field, message);
  }
  if (result && !result.ok) {
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const path = key.startsWith('value.') ? key.slice('value.'.length).split('.') : key.split('.');
      if (OUTER_FIELDS.has(path[0])) {
        general.push(...messages.slice(0, 1));
        continue;
      }
      const { field, prefix } = fieldOf(section, path, value);
      if (!byField.has(field)) byField.set(field, `${prefix}${messages[0]}`);
    }
    if (!result.fieldErrors) general.push(result.error);
  }
  const fields = [...byField.entries()].sort(([a], [b]) => order(section, a) - order(section, b));
  return {
    byField,
    summary: [...general.map((message) => ({ message })), ...fields.map(([field, message]) => ({ field: fieldId(field), message }))],
  };
}

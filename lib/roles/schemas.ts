import { z } from 'zod';
import { CONTRACT_TYPES, roleSectionKey, sectionSchemas, SUPERVISION_TYPES, WORKING_DAYS } from '@/lib/roles/rules';
import { id, lines, manyStrings, optionalLongText, requiredText, safeString, version, yesNo as yesNoQuestion } from '@/lib/schema-fields';

/**
 * Form-shaped schemas: what a role form posts (strings, as a plain HTML form
 * would send them, or react-hook-form's values of the same shape), transformed
 * into the section content that lib/roles/rules.ts defines.
 */

const yesNo = yesNoQuestion();

const optionalNumber = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(10, message)
    .transform((value, ctx) => {
      if (value === '') return null;
      const number = Number(value);
      if (!Number.isFinite(number)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return number;
    });

const supervisionRow = z.object({
  type: z.union([z.literal(''), z.enum(Object.keys(SUPERVISION_TYPES) as [keyof typeof SUPERVISION_TYPES])], { error: 'Select a type of supervision' }).optional().default(''),
  provider: z.string({ error: 'Who provides it must be text' }).trim().max(200, 'Who provides it must be 200 characters or fewer').pipe(safeString('who provides it')).optional().default(''),
  // Range-checked here, not only in the content schema, so the error lands on rows.<n>.everyWeeks (the field) rather than arrangements.<m>.
  everyWeeks: optionalNumber('Frequency must be a number of weeks')
    .pipe(
      z
        .number()
        .int('Frequency must be a whole number of weeks')
        .min(1, 'Frequency must be at least every week')
        .max(52, 'Frequency must be at least once a year')
        .nullable(),
    )
    .optional()
    .default(null),
});

/** Each section's form, transformed and then checked against the section's content schema. */
export const sectionFormSchemas = {
  purpose: z.object({ text: z.string({ error: 'Enter the purpose of the role' }).pipe(safeString('purpose', { multiline: true })) }).pipe(sectionSchemas.purpose),
  values: z
    .object({
      selected: manyStrings.pipe(z.array(safeString('each value'))),
      notes: z.string({ error: 'Other values must be text' }).pipe(safeString('other values', { multiline: true })).optional().default(''),
    })
    .pipe(sectionSchemas.values),
  responsibilities: z.object({ items: lines('the key responsibilities') }).pipe(sectionSchemas.responsibilities),
  notPart: z.object({ items: lines('what the role is not') }).pipe(sectionSchemas.notPart),
  working: z
    .object({
      contractType: z
        .union([z.literal(''), z.enum(Object.keys(CONTRACT_TYPES) as [keyof typeof CONTRACT_TYPES])], { error: 'Select a contract type' })
        .optional()
        .transform((value) => value || null),
      hoursPerWeek: optionalNumber('Hours per week must be a number, like 22.5'),
      workingDays: manyStrings.pipe(z.array(z.enum(Object.keys(WORKING_DAYS) as [keyof typeof WORKING_DAYS], { error: 'Select working days from the list' }))),
      payBand: z.string({ error: 'Pay band must be text' }).pipe(safeString('pay band')).optional().default(''),
      base: z.string({ error: 'Base must be text' }).pipe(safeString('base')).optional().default(''),
      teamMeetings: yesNo,
      recordsAccess: yesNo,
      sameIt: yesNo,
    })
    .pipe(sectionSchemas.working),
  supervision: z
    .object({
      // Posted as rows.0.type, rows.0.provider, rows.0.everyWeeks, ...: an object keyed by row number.
      rows: z.record(z.string().regex(/^\d{1,2}$/u), supervisionRow, { error: 'Enter the supervision arrangements' }).optional().default({}),
    })
    .transform(({ rows }, ctx) => {
      const arrangements = [];
      for (const [index, row] of Object.entries(rows).sort(([a], [b]) => Number(a) - Number(b))) {
        if (row.type === '' && row.provider === '' && row.everyWeeks === null) continue;
        if (row.type === '') ctx.addIssue({ code: 'custom', message: 'Select a type of supervision', path: ['rows', index, 'type'] });
        if (row.everyWeeks === null) ctx.addIssue({ code: 'custom', message: 'Enter how often, in weeks', path: ['rows', index, 'everyWeeks'] });
        if (row.type !== '' && row.everyWeeks !== null) arrangements.push({ type: row.type, provider: row.provider, everyWeeks: row.everyWeeks });
      }
      return { arrangements };
    })
    .pipe(sectionSchemas.supervision),
  training: z.object({ text: z.string({ error: 'Enter training and development' }).pipe(safeString('training and development', { multiline: true })) }).pipe(sectionSchemas.training),
  progression: z.object({ text: z.string({ error: 'Enter progression' }).pipe(safeString('progression', { multiline: true })) }).pipe(sectionSchemas.progression),
};

export const createRoleSchema = z.object({ teamId: id('team'), title: requiredText('a title for the role', 120) });

export const saveSectionSchema = z.object({
  roleId: id('role'),
  draftVersion: version,
  section: roleSectionKey,
  /** The section's form values; validated against that section's schema by the action. */
  value: z.record(z.string(), z.unknown(), { error: 'Enter the section' }),
});

export const submitDraftSchema = z.object({ roleId: id('role'), draftVersion: version });

export const updateTemplateSchema = z.object({
  version,
  purpose: optionalLongText('Purpose', 5000),
  training: optionalLongText('Training and development', 5000),
  progression: optionalLongText('Progression', 5000),
  valueOptions: lines('peer support values').pipe(z.array(z.string().max(100, 'Each value must be 100 characters or fewer')).min(1, 'List at least one value').max(30, 'List 30 values or fewer')),
  notPartOptions: lines('examples of what the role is not').pipe(z.array(z.string().max(500, 'Each example must be 500 characters or fewer')).max(40, 'List 40 examples or fewer')),
});

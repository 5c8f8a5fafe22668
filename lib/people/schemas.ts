import { z } from 'zod';
import { OrgRole } from '@/lib/generated/prisma/enums';
import { IMPORT_FIELDS, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, type ImportField } from '@/lib/people/rules';
import { email, id, optionalText, requiredText, version } from '@/lib/schema-fields';

const personFields = {
  name: requiredText('their full name', 120),
  email,
  jobTitle: optionalText('Job title', 120),
  orgRole: z.enum(OrgRole, { error: 'Select an organisation role' }),
};

export const createPersonSchema = z.object(personFields);
export const updatePersonSchema = z.object({ userId: id('person'), version, ...personFields });
export const disablePersonSchema = z.object({ userId: id('person'), version });
/** Actions on a person that need nothing but who: a set-password link, unlock sign-in, sign them out everywhere. */
export const personOnlySchema = z.object({ userId: id('person') });
export const issueInvitationSchema = personOnlySchema;

export type CreatePersonInput = z.input<typeof createPersonSchema>;
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

/**
 * Bringing people in from a file (issue 14 §3). The file's own checks (size,
 * workbook, empty, CSV syntax) are lib/people/rules.ts readImportFile and
 * readImportTable, which the action runs on what was posted.
 */
export const importUploadSchema = z
  .object({
    file: z.instanceof(Blob, { error: 'Choose a CSV file' }).optional(),
    // A trust's list pasted from a spreadsheet: the same limit as a file, in characters.
    pasted: z.string().max(MAX_IMPORT_BYTES, 'Paste at most 10 MB of rows: upload a file instead').optional(),
  })
  .refine((input) => Boolean(input.file) !== Boolean(input.pasted?.trim()), { error: 'Choose a CSV file, or paste rows from a spreadsheet (not both)', path: ['file'] });

/** A column index as the select posts it, or '' for "not in the file". */
const importColumn = z.union([z.literal(''), z.coerce.number({ error: 'Choose a column' }).int().min(0).max(MAX_IMPORT_COLUMNS - 1)]).optional();

export const importMappingSchema = z.object({
  importId: id('import'),
  version,
  ...(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, importColumn])) as Record<ImportField, typeof importColumn>),
});

export const importConfirmSchema = z.object({
  importId: id('import'),
  version,
  /** The preview's counts (countsToken), so a plan that changed meanwhile is noticed. */
  expected: z.string().regex(/^\d+(-\d+){4}$/u, 'Reload the page and try again'),
  disableMissing: z.enum(['yes']).optional(),
  /** Ticked separately whenever the file makes someone an administrator or takes the role away. */
  administratorChanges: z.enum(['yes']).optional(),
});

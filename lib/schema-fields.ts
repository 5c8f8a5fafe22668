import { z } from 'zod';

/** Field builders shared by every domain's schemas, so messages read the same everywhere. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** True for a well-formed id: loaders return nothing for anything else rather than ask the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
export const id = (what = 'record') => z.string({ error: `Select a ${what}` }).uuid(`Select a ${what}`);

export const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1);

/** A whole number typed into a text box, from `min` to `max`: "Enter how often, in weeks, as a number from 1 to 52". */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `Enter ${label} as a number from ${min} to ${max}` }).int(`Enter ${label} as a whole number`).min(min, `Enter ${label} from ${min} to ${max}`).max(max, `Enter ${label} from ${min} to ${max}`);

/** The same, or blank for "not set" (null). */
export const optionalWholeNumber = (label: string, min: number, max: number) =>
  z
    .union([z.literal(''), z.coerce.number({ error: `Enter ${label} as a number from ${min} to ${max}` })], { error: `Enter ${label} as a number from ${min} to ${max}` })
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value))
    .pipe(z.number().int(`Enter ${label} as a whole number`).min(min, `Enter ${label} from ${min} to ${max}`).max(max, `Enter ${label} from ${min} to ${max}`).nullable());

/**
 * Characters no typed text needs: control characters, invisible format
 * characters (zero-width spaces, the byte-order mark, soft hyphens, tag
 * characters), line and paragraph separators, and the bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069, and the marks) that make text
 * display in a different order from how it is stored ("Trojan source"). The
 * zero-width joiner and non-joiner stay allowed: emoji and several scripts need
 * them. Multi-line text may keep tabs and line breaks.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const INVISIBLE_BUT_LINE_BREAKS = /(?![\u200c\u200d\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function unsafeCharacterProblem(value: string, label: string, multiline = false): string | null {
  if (BIDI_CONTROLS.test(value)) return `${capitalise(label)} must not contain characters that change the direction of text`;
  if ((multiline ? INVISIBLE_BUT_LINE_BREAKS : INVISIBLE).test(value)) {
    return `${capitalise(label)} must not contain ${multiline ? '' : 'tabs, line breaks or other '}control or invisible characters`;
  }
  return null;
}

const capitalise = (label: string) => `${label[0].toUpperCase()}${label.slice(1)}`;
const withoutArticle = (label: string) => label.replace(/^(a|an|the|your|their) /u, '');

/** A plain string refined to refuse control and direction-changing characters. */
export const safeString = (label: string, { multiline = false } = {}) =>
  z.string({ error: `${capitalise(label)} must be text` }).superRefine((value, ctx) => {
    const problem = unsafeCharacterProblem(value, label, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** One line of required text: a title, a name. */
export const requiredText = (label: string, max: number, { multiline = false } = {}) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .pipe(safeString(withoutArticle(label), { multiline }));

/** One line of optional text; '' when left empty. */
export const optionalText = (label: string, max: number, { multiline = false } = {}) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .pipe(safeString(label, { multiline }))
    .optional()
    .default('');

/** Paragraphs of required text: a concern, a reply, a note. */
export const requiredLongText = (label: string, max: number) => requiredText(label, max, { multiline: true });

/** Paragraphs of optional text; '' when left empty. */
export const optionalLongText = (label: string, max: number) => optionalText(label, max, { multiline: true });

export const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .email('Enter an email address in the correct format, like name@nhs.net')
  .transform((value) => value.toLowerCase());

/** People chosen in a picker: one id or several, each a UUID, 1 to 100 of them. */
export const userIds = z
  .union([z.string(), z.array(z.string())], { error: 'Select at least one person' })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().uuid('Select people from the list')).min(1, 'Select at least one person').max(100, 'Select 100 people or fewer'));

/** A checkbox group posts nothing, one string or several: always an array here. */
export const manyStrings = z
  .union([z.string(), z.array(z.string())], { error: 'Select from the list' })
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/**
 * One checkbox: a plain HTML form posts its value ("yes") when it is ticked and
 * nothing at all when it is not; react-hook-form sends "yes" or false. So
 * missing means no, and anything other than those is refused.
 */
export const tickBox = (label: string) =>
  z
    .union([z.literal('yes'), z.boolean()], { error: `${label}: tick the box or leave it empty` })
    .optional()
    .transform((value) => value === 'yes' || value === true);

/** A yes/no radio question. */
export const yesNo = (error = 'Select yes or no') => z.enum(['yes', 'no'], { error }).transform((value) => value === 'yes');

const datePart = (label: string, max: number) =>
  z
    .string({ error: `${label} must include a ${label.toLowerCase()}` })
    .trim()
    .regex(/^\d{1,4}$/u, `Enter the ${label.toLowerCase()} as a number`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `Enter a real ${label.toLowerCase()}`);

/**
 * The NHS date input: day, month and year in three boxes, as a date at UTC
 * midnight. Errors land on `<field>.day` (or the part that is wrong).
 */
export const dateInput = (what: string, { notBefore }: { notBefore?: () => Date } = {}) =>
  z
    .object(
      { day: datePart('Day', 31), month: datePart('Month', 12), year: datePart('Year', 2100).refine((year) => year >= 2000, 'Enter a year after 2000') },
      { error: `Enter ${what}` },
    )
    .transform((parts, ctx) => {
      const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
      if (date.getUTCDate() !== parts.day || date.getUTCMonth() !== parts.month - 1) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(what)} must be a real date`, path: ['day'] });
        return z.NEVER;
      }
      const floor = notBefore?.();
      if (floor && date.getTime() < Date.UTC(floor.getUTCFullYear(), floor.getUTCMonth(), floor.getUTCDate())) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(what)} must be today or in the future`, path: ['day'] });
        return z.NEVER;
      }
      return date;
    });

/** A textarea with one item per line: blank lines are dropped, order is kept. */
export const lines = (label: string) =>
  z
    .string({ error: `Enter ${label}, one per line` })
    .max(20_000, `${label[0].toUpperCase()}${label.slice(1)} are too long`)
    .transform((text) => text.split(/\r?\n/u).map((item) => item.trim()).filter((item) => item !== ''))
    .superRefine((items, ctx) =>
      items.forEach((item, index) => {
        const problem = unsafeCharacterProblem(item, 'this line');
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [index] });
      }),
    );

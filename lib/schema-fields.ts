import { z } from 'zod';

/** Field builders shared by every domain's schemas, so messages read the same everywhere. */
export const id = (what = 'record') => z.string({ error: `Select a ${what}` }).uuid(`Select a ${what}`);

export const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .default('');

export const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .email('Enter an email address in the correct format, like name@nhs.net')
  .transform((value) => value.toLowerCase());

import { z } from 'zod';
import { OrgRole } from '@/lib/generated/prisma/enums';
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

import { z } from 'zod';
import { RequirementGroup } from '@/lib/generated/prisma/enums';
import { roleSectionKey } from '@/lib/roles/rules';
import { id, optionalLongText, requiredLongText, tickBox, userIds, version } from '@/lib/schema-fields';

export const inviteReviewersSchema = z.object({ versionId: id('version'), userIds });
export const agreeVersionSchema = z.object({ versionId: id('version') });

export const raiseConcernSchema = z.object({
  versionId: id('version'),
  section: roleSectionKey,
  comment: requiredLongText('your concern', 5000),
});
export const replyToConcernSchema = z.object({ concernId: id('concern'), body: requiredLongText('a reply', 5000) });
export const resolveConcernSchema = z.object({ concernId: id('concern'), reason: optionalLongText('Reason', 2000) });

const minimum = z.coerce.number({ error: 'Enter a number from 0 to 20' }).int('Enter a whole number').min(0, 'Enter a number from 0 to 20').max(20, 'Enter a number from 0 to 20');

export const updatePolicySchema = z.object({
  teamId: id('team'),
  /** The team's version as the form showed it: a save made since is a conflict. */
  version,
  minimums: z.object(Object.fromEntries(Object.keys(RequirementGroup).map((group) => [group, minimum])) as Record<RequirementGroup, typeof minimum>, {
    error: 'Enter how many of each group must agree',
  }),
  requireExpectationsCheck: tickBox('An expectations check must have been run'),
  requireContestedSettled: tickBox('Every contested activity must be settled'),
});

import { z } from 'zod';
import { ContestedOutcome, ExpectationAnswer } from '@/lib/generated/prisma/enums';
import { roleSectionKey } from '@/lib/roles/rules';
import { id, optionalLongText, requiredLongText, requiredText, userIds } from '@/lib/schema-fields';

export const sendExpectationsCheckSchema = z.object({ roleId: id('role'), userIds });
export const closeExpectationsCheckSchema = z.object({ checkId: id('expectations check') });

export const answerExpectationsSchema = z.object({
  checkId: id('expectations check'),
  answers: z.record(z.string().uuid('Answer each activity'), z.enum(ExpectationAnswer, { error: 'Select core, sometimes or not part of the role' }), {
    error: 'Answer each activity',
  }),
});

export const resolveContestedSchema = z.object({
  checkId: id('expectations check'),
  activityId: id('activity'),
  outcome: z.enum(ContestedOutcome, { error: 'Select how this activity was settled' }),
  section: roleSectionKey,
  note: requiredLongText('what was decided', 2000),
});

export const createActivitySchema = z.object({
  /** Empty for an organisation-wide activity (administrators only). */
  teamId: z.union([z.literal(''), z.string().uuid('Select a team')]).optional().transform((value) => value || null),
  name: requiredText('the activity', 120),
  description: optionalLongText('Description', 500),
});
export const archiveActivitySchema = z.object({ activityId: id('activity') });

export const OUTCOME_LABELS: Record<ContestedOutcome, string> = {
  INCLUDED: 'Included in the role',
  EXCLUDED: 'Excluded from the role',
  CLARIFIED: 'Clarified in the description',
};
export const ANSWER_LABELS: Record<ExpectationAnswer, string> = {
  CORE: 'Core part of the role',
  SOMETIMES: 'Sometimes',
  NOT_PART: 'Not part of the role',
};

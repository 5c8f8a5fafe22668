import { z } from 'zod';
import { LibraryScope, SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import { dateInput, email, id, manyStrings, optionalText, requiredLongText, requiredText, tickBox, version, wholeNumber, yesNo } from '@/lib/schema-fields';

/* Supervision's forms: one schema each, shared by the form (zodResolver) and its action. */

// ---- Agreements ----

export const createAgreementSchema = z.object({ placementId: id('placement') });

export const addArrangementSchema = z.object({
  agreementId: id('agreement'),
  version,
  type: z.enum(SupervisionType, { error: 'Select a type of supervision' }),
  supervisorEmail: email,
  everyWeeks: wholeNumber('how often, in weeks,', 1, 52),
  startsOn: dateInput('when the first session is due'),
});

export const endArrangementSchema = z.object({ arrangementId: id('arrangement'), version });

export const signAgreementSchema = z.object({ agreementId: id('agreement'), version });

// ---- Sessions ----

const sessionFields = {
  heldOn: dateInput('the date of the session'),
  durationMinutes: wholeNumber('the length in minutes', 5, 600),
  attendees: optionalText('Who else attended', 500),
  topics: manyStrings.pipe(z.array(z.string().max(50, 'Select topics from the list')).max(11, 'Select topics from the list')),
  notes: requiredLongText('your notes', 20_000),
};

export const recordSessionSchema = z.object({ arrangementId: id('type of supervision'), ...sessionFields });

/** Changing a record before it is co-signed, by whoever recorded it. */
export const updateSessionSchema = z.object({ sessionId: id('session'), version, ...sessionFields });

/** A co-signed record is never edited: an amendment is a new record naming it. */
export const amendSessionSchema = z.object({ sessionId: id('session'), ...sessionFields });

export const cosignSessionSchema = z.object({ sessionId: id('session'), version });

export const commentSchema = z.object({ sessionId: id('session'), text: requiredLongText('your comment', 5000) });

export const addActionSchema = z.object({
  sessionId: id('session'),
  text: requiredText('the action', 1000),
  owner: z.enum(['PEER_WORKER', 'SUPERVISOR'], { error: 'Select who will do it' }),
  dueOn: dateInput('when it is due'),
});

export const actionStatusSchema = z.object({ actionId: id('action'), version, status: z.enum(SupervisionActionStatus, { error: 'Select a status' }) });

// ---- Check-ins ----

const answer = (question: string) => wholeNumber(`your answer to “${question}”`, 1, 5);

export const checkInSchema = z.object({
  /** The session it goes with, if any. */
  sessionId: z
    .union([z.literal(''), id('session')])
    .optional()
    .transform((value) => value || null),
  supported: answer('I feel supported'),
  clearRole: answer('I am clear about my role'),
  equalMember: answer('I am treated as an equal member of the team'),
  experienceValued: answer('My lived experience is valued'),
  practiseAsPeer: answer('I can practise as a peer rather than as a junior clinician'),
});

// ---- The peer practice library ----

const tags = z
  .string({ error: 'Enter tags separated by commas' })
  .max(500, 'Tags must be 500 characters or fewer')
  .transform((text) => [...new Set(text.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().max(40, 'Each tag must be 40 characters or fewer').regex(/^[\p{L}\p{N} '-]+$/u, 'Tags use letters, numbers, spaces, hyphens and apostrophes')).max(10, 'Use 10 tags or fewer'));

export const proposeEntrySchema = z
  .object({
    sessionId: z
      .union([z.literal(''), id('session')])
      .optional()
      .transform((value) => value || null),
    scope: z.enum(LibraryScope, { error: 'Select who can read it' }),
    title: requiredText('a title', 200),
    situation: requiredLongText('the situation, in general terms', 5000),
    whatIDid: requiredLongText('what you did as a peer', 5000),
    whatILearned: requiredLongText('what you learned', 5000),
    tags,
    showName: yesNo('Select whether your name is shown'),
    confirmedNoIdentifiers: tickBox('Confirm it identifies nobody'),
  })
  .superRefine((value, ctx) => {
    if (!value.confirmedNoIdentifiers) ctx.addIssue({ code: 'custom', message: 'Confirm that it identifies nobody: no names, places, dates or details someone could recognise', path: ['confirmedNoIdentifiers'] });
  });

export const reviewEntrySchema = z.object({ entryId: id('entry'), version, decision: z.enum(['APPROVE', 'DECLINE'], { error: 'Select approve or decline' }) });

export const withdrawEntrySchema = z.object({ entryId: id('entry'), version });

export const searchLibrarySchema = z.object({
  q: z.string().trim().max(200).optional().default(''),
  tag: z.string().trim().max(40).optional().default(''),
});

// ---- Settings ----

export const supervisionSettingsSchema = z.object({ version: version.optional(), smallNumbersThreshold: wholeNumber('the threshold', 5, 50) });

import { z } from 'zod';
import { ContractType, ServiceType, TaskOwnerRole, TaskSection, TaskStatus, Weekday } from '@/lib/generated/prisma/enums';
import { dateInput, email, id, manyStrings, optionalText, optionalWholeNumber, requiredLongText, requiredText, tickBox, version, yesNo } from '@/lib/schema-fields';

/* Onboarding's forms: one schema each, shared by the form (zodResolver) and its action. */

const hours = z.coerce
  .number({ error: 'Enter hours per week as a number, like 22.5' })
  .min(1, 'Hours per week must be at least 1')
  .max(48, 'Hours per week must be 48 or fewer')
  .refine((value) => Number.isInteger(value * 2), 'Enter hours per week to the half hour, like 22.5');

const workingDays = manyStrings.pipe(z.array(z.enum(Weekday, { error: 'Select working days from the list' })).min(1, 'Select the days they work').max(7));

/** A person chosen by email (line manager, peer supervisor): blank for none. */
const optionalPerson = z
  .union([z.literal(''), email], { error: 'Enter an email address in the correct format, like name@nhs.net' })
  .optional()
  .transform((value) => value || null);

/** A template to start a plan from: blank for no plan (only when changing a placement). */
const optionalTemplate = z
  .union([z.literal(''), id('template')], { error: 'Select a template' })
  .optional()
  .transform((value) => value || null);

const arrangements = {
  startDate: dateInput('the start date'),
  contractType: z.enum(ContractType, { error: 'Select a contract type' }),
  band: optionalWholeNumber('the band', 1, 9),
  hoursPerWeek: hours,
  workingDays,
  lineManagerEmail: optionalPerson,
  peerSupervisorEmail: optionalPerson,
};

export const startPlacementSchema = z.object({
  /** From a recruitment appointment (the person, team and role come from it), or blank to place someone directly. */
  appointmentId: z
    .union([z.literal(''), id('appointment')])
    .optional()
    .transform((value) => value || null),
  personEmail: optionalPerson,
  roleId: z
    .union([z.literal(''), id('role')])
    .optional()
    .transform((value) => value || null),
  templateId: id('template'),
  ...arrangements,
}).superRefine((value, ctx) => {
  if (value.appointmentId) return;
  if (!value.personEmail) ctx.addIssue({ code: 'custom', message: 'Enter the peer worker’s email address', path: ['personEmail'] });
  if (!value.roleId) ctx.addIssue({ code: 'custom', message: 'Select the role they are placed on', path: ['roleId'] });
});

export const changePlacementSchema = z.object({
  placementId: id('placement'),
  version,
  /** The role to move to its agreed version; blank keeps the current version. */
  moveToAgreedVersion: tickBox('Move to the agreed version'),
  templateId: optionalTemplate,
  ...arrangements,
});

export const endPlacementSchema = z.object({ placementId: id('placement'), version });

// ---- Tasks ----

export const taskStatusSchema = z
  .object({
    taskId: id('task'),
    version,
    status: z.enum(TaskStatus, { error: 'Select a status' }),
    cannotStartReason: optionalText('Why it cannot start yet', 500),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'CANNOT_START' && !value.cannotStartReason) ctx.addIssue({ code: 'custom', message: 'Enter why it cannot start yet', path: ['cannotStartReason'] });
  });

export const addTaskSchema = z.object({
  placementId: id('placement'),
  section: z.enum(TaskSection, { error: 'Select a section' }),
  title: requiredText('the task', 200),
  description: optionalText('Description', 2000, { multiline: true }),
  ownerEmail: email,
  dueOn: dateInput('the due date'),
  required: yesNo('Select whether the task is required'),
});

export const removeTaskSchema = z.object({ taskId: id('task'), version });

export const reassignTaskSchema = z.object({ taskId: id('task'), version, ownerEmail: email });

export const taskNoteSchema = z.object({ taskId: id('task'), text: requiredLongText('your note', 5000) });

// ---- Templates ----

export const saveTemplateSchema = z.object({
  templateId: id('template').optional(),
  version: version.optional(),
  name: requiredText('a name for the template', 200),
  serviceType: z
    .union([z.literal(''), z.enum(ServiceType, { error: 'Select a service type' })], { error: 'Select a service type' })
    .optional()
    .transform((value) => value || null),
});

export const archiveTemplateSchema = z.object({ templateId: id('template'), version });

export const saveTemplateTaskSchema = z.object({
  templateId: id('template'),
  /** Absent when adding a task. */
  templateTaskId: id('task').optional(),
  version,
  section: z.enum(TaskSection, { error: 'Select a section' }),
  title: requiredText('the task', 200),
  description: optionalText('Description', 2000, { multiline: true }),
  ownerRole: z.enum(TaskOwnerRole, { error: 'Select who does it' }),
  offsetDays: z.coerce
    .number({ error: 'Enter the number of days as a whole number, like -7 or 14' })
    .int('Enter the number of days as a whole number, like -7 or 14')
    .min(-90, 'Enter a number of days from -90 to 365')
    .max(365, 'Enter a number of days from -90 to 365'),
  required: yesNo('Select whether the task is required'),
});

export const removeTemplateTaskSchema = z.object({ templateId: id('template'), templateTaskId: id('task'), version });

// ---- The peer worker's wellbeing plan ----

export const wellbeingPlanSchema = z.object({
  version: version.optional(),
  keepsMeWell: optionalText('What keeps you well at work', 5000, { multiline: true }),
  earlySigns: optionalText('Early signs', 5000, { multiline: true }),
  whatHelps: optionalText('What helps', 5000, { multiline: true }),
  whoToContact: optionalText('Who to contact', 5000, { multiline: true }),
});

export const shareWellbeingSchema = z.object({ email });

export const revokeWellbeingShareSchema = z.object({ shareId: id('share') });

// ---- The team's arrangements, for parity ----

export const addMeetingSchema = z.object({
  teamId: id('team'),
  name: requiredText('the meeting’s name', 100),
  day: z.enum(Weekday, { error: 'Select the day' }),
  time: z
    .string({ error: 'Enter the time, like 09:30' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'Enter the time in 24-hour format, like 09:30'),
  main: yesNo('Select whether this is the team’s main decision-making meeting'),
});

export const removeMeetingSchema = z.object({ meetingId: id('meeting') });

export const addSystemAccessSchema = z.object({
  teamId: id('team'),
  userId: id('person'),
  system: requiredText('the system', 100),
});

export const removeSystemAccessSchema = z.object({ teamId: id('team'), systemAccessId: id('system access') });

export const acceptParitySchema = z.object({
  placementId: id('placement'),
  key: z.string({ error: 'Reload the page and try again' }).min(1).max(200, 'Reload the page and try again'),
  reason: requiredLongText('why this is accepted', 2000),
});


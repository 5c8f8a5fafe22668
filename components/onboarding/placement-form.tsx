'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Checkboxes, Radios, Select, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ContractType, Weekday } from '@/lib/generated/prisma/enums';
import { CONTRACT_LABELS, WEEKDAY_LABELS } from '@/lib/onboarding/labels';
import { placementPath } from '@/lib/onboarding/paths';
import { changePlacement, startPlacement } from '@/lib/onboarding/placement-actions';
import { changePlacementSchema, startPlacementSchema } from '@/lib/onboarding/schemas';

/*
 * Starting and changing a placement: the same working arrangements, filled in
 * from the agreed role (or the placement as it is), and the template its plan
 * comes from. Both post as plain forms without JavaScript.
 */

export interface Arrangements {
  startDate: Date | null;
  contractType: ContractType | null;
  band: number | null;
  hoursPerWeek: number | null;
  workingDays: Weekday[];
  lineManagerEmail: string;
  peerSupervisorEmail: string;
}

export interface TemplateChoice {
  id: string;
  name: string;
  tasks: number;
}

const CONTRACT_HINTS: Partial<Record<ContractType, string>> = {
  BANK: 'Paid for shifts as they are offered.',
  SESSIONAL: 'Paid by the session.',
  VOLUNTARY: 'Unpaid. Where the agreed role is paid, this is shown as a parity issue.',
};

const dateParts = (date: Date | null) => (date ? { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) } : { day: '', month: '', year: '' });

/** Form values for the arrangements, as the inputs hold them (text). */
function arrangementValues(values: Arrangements) {
  return {
    startDate: dateParts(values.startDate),
    contractType: values.contractType ?? undefined,
    band: values.band === null ? '' : String(values.band),
    hoursPerWeek: values.hoursPerWeek === null ? '' : String(values.hoursPerWeek),
    workingDays: values.workingDays,
    lineManagerEmail: values.lineManagerEmail,
    peerSupervisorEmail: values.peerSupervisorEmail,
  };
}

/** The error summary's link for a field: the date's day box, or the field itself. */
const anchor = (path: string) => (path.startsWith('startDate') ? 'startDate-day' : path);

type Register = (name: string) => UseFormRegisterReturn;

function ArrangementFields({ register, fieldError, values, startDateHint }: { register: Register; fieldError: (field: string) => string | undefined; values: ReturnType<typeof arrangementValues>; startDateHint: string }) {
  return (
    <>
      <DateInput name="startDate" legend="Start date" hint={startDateHint} error={fieldError('startDate')} register={(part) => ({ ...register(`startDate.${part}`), defaultValue: values.startDate[part] }) as UseFormRegisterReturn} />
      <Radios
        name="contractType"
        legend="Contract type"
        hint="Peer workers should be employed on the same terms as their colleagues."
        options={(Object.keys(CONTRACT_LABELS) as ContractType[]).map((type) => ({ value: type, label: CONTRACT_LABELS[type], hint: CONTRACT_HINTS[type] }))}
        defaultValue={values.contractType}
        error={fieldError('contractType')}
        inputProps={register('contractType')}
      />
      <TextInput
        id="band"
        label="Agenda for Change band (optional)"
        hint="A number from 1 to 9, like 4. Leave it empty if no band applies."
        width={2}
        inputMode="numeric"
        defaultValue={values.band}
        error={fieldError('band')}
        {...register('band')}
      />
      <TextInput id="hoursPerWeek" label="Hours per week" hint="To the half hour, like 22.5. Full time is 37.5." width={4} inputMode="decimal" defaultValue={values.hoursPerWeek} error={fieldError('hoursPerWeek')} {...register('hoursPerWeek')} />
      <Checkboxes
        name="workingDays"
        legend="Which days do they work?"
        hint="Their own tasks fall due on these days. A team meeting on another day is shown as a parity issue."
        options={(Object.keys(WEEKDAY_LABELS) as Weekday[]).map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }))}
        defaultValue={values.workingDays}
        error={fieldError('workingDays')}
        inputProps={register('workingDays')}
      />
      <TextInput
        id="lineManagerEmail"
        label="Line manager’s email address (optional)"
        hint="They follow the plan and can accept parity issues. Leave it empty and you take the manager’s tasks."
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.lineManagerEmail}
        error={fieldError('lineManagerEmail')}
        {...register('lineManagerEmail')}
      />
      <TextInput
        id="peerSupervisorEmail"
        label="Peer supervisor’s email address (optional)"
        hint="An experienced peer worker who supervises them. Naming nobody is shown as a parity issue."
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.peerSupervisorEmail}
        error={fieldError('peerSupervisorEmail')}
        {...register('peerSupervisorEmail')}
      />
    </>
  );
}

const templateOptions = (templates: readonly TemplateChoice[]) => templates.map((template) => ({ value: template.id, label: `${template.name} (${template.tasks} ${template.tasks === 1 ? 'task' : 'tasks'})` }));

/**
 * A team's manager places a peer worker: from a recruitment appointment (who,
 * where and which role are fixed, and shown by the page) or directly, by email
 * and one of the team's agreed roles.
 */
export function StartPlacementForm({
  appointmentId,
  roles,
  selectedRoleId,
  templates,
  defaults,
}: {
  appointmentId: string | null;
  roles: ReadonlyArray<{ id: string; title: string; teamName: string; versionNumber: number }>;
  selectedRoleId: string | null;
  templates: readonly TemplateChoice[];
  defaults: Arrangements;
}) {
  const router = useRouter();
  const values = arrangementValues(defaults);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: startPlacementSchema,
    action: startPlacement,
    defaultValues: { appointmentId: appointmentId ?? '', personEmail: '', roleId: selectedRoleId ?? '', templateId: templates[0]?.id ?? '', ...values } as never,
    onSuccess: (data) => {
      router.push(`${placementPath(data.placementId)}?saved=started`);
      router.refresh();
    },
    anchor,
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Placement started" href={placementPath(result.data.placementId)}>
        Go to the placement and its plan
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        {appointmentId ? (
          <input type="hidden" {...register('appointmentId')} defaultValue={appointmentId} />
        ) : (
          <>
            <TextInput
              id="personEmail"
              label="Peer worker’s email address"
              hint="They need a PeerRoles account. If they are not in the team yet, they join it as a peer worker."
              type="email"
              autoComplete="off"
              spellCheck={false}
              error={fieldError('personEmail')}
              {...register('personEmail')}
            />
            <Select
              id="roleId"
              label="Role"
              hint="Only roles your team has agreed are listed. The placement keeps the agreed version."
              placeholder="Select a role"
              options={roles.map((role) => ({ value: role.id, label: `${role.title}, ${role.teamName} (agreed version ${role.versionNumber})` }))}
              defaultValue={selectedRoleId ?? ''}
              error={fieldError('roleId')}
              {...register('roleId')}
            />
          </>
        )}
        <Select
          id="templateId"
          label="Onboarding template"
          hint="The plan’s tasks and their due dates come from it. The template for the team’s kind of service is listed first."
          options={templateOptions(templates)}
          defaultValue={templates[0]?.id ?? ''}
          error={fieldError('templateId')}
          {...register('templateId')}
        />
        <h2 className="nhsuk-heading-m">Working arrangements</h2>
        <p>{selectedRoleId || appointmentId ? 'Filled in from what the agreed role says. Change anything that is different for this person.' : 'Check these against what the agreed role says.'}</p>
        <ArrangementFields register={register} fieldError={fieldError} values={values} startDateHint="For example, 7 12 2026. Preparing the team falls due before this date." />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Start the placement</SubmitButton>
          <Link className="nhsuk-link" href="/onboarding">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** A manager changes a current placement's arrangements: kept in its history, optionally with a short plan for the change. */
export function ChangePlacementForm({
  placementId,
  version,
  current,
  newerAgreedVersion,
  templates,
}: {
  placementId: string;
  version: number;
  current: Arrangements;
  newerAgreedVersion: number | null;
  templates: readonly TemplateChoice[];
}) {
  const router = useRouter();
  const back = placementPath(placementId);
  const values = arrangementValues(current);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: changePlacementSchema,
    action: changePlacement,
    defaultValues: { placementId, version, moveToAgreedVersion: false, templateId: '', ...values } as never,
    onSuccess: (data) => {
      router.push(`${placementPath(data.placementId)}?saved=changed`);
      router.refresh();
    },
    anchor,
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Placement changed" href={back}>
        Go back to the placement
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...register('placementId')} defaultValue={placementId} />
        <input type="hidden" {...register('version')} defaultValue={version} />
        {newerAgreedVersion !== null ? (
          <Checkboxes
            name="moveToAgreedVersion"
            legend="Role version"
            hint={`The team has agreed version ${newerAgreedVersion} of the role since this placement started.`}
            options={[{ value: 'yes', label: `Move to version ${newerAgreedVersion}, the role’s agreed version` }]}
            error={fieldError('moveToAgreedVersion')}
            inputProps={register('moveToAgreedVersion')}
          />
        ) : null}
        <ArrangementFields register={register} fieldError={fieldError} values={values} startDateHint="For example, 7 12 2026. Changing it does not move the due dates of the tasks already in the plan." />
        <Select
          id="templateId"
          label="Start a short plan for this change (optional)"
          hint="For a new role version or new arrangements: the template’s tasks fall due counting from today."
          placeholder="No new plan"
          options={templateOptions(templates)}
          defaultValue=""
          error={fieldError('templateId')}
          {...register('templateId')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save the changes</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

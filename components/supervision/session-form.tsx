'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Checkboxes, Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { agreementPath, sessionPath } from '@/lib/supervision/paths';
import { amendSessionSchema, recordSessionSchema, updateSessionSchema } from '@/lib/supervision/schemas';
import { amendSession, recordSession, updateSession } from '@/lib/supervision/session-actions';

/*
 * Recording a session, changing a record before it is co-signed, and amending
 * one after: the same fields. The values are each input's defaultValue too,
 * so a page posted without JavaScript keeps them (react-hook-form's register
 * gives an input no value on the server).
 */

export interface SessionValues {
  heldOn: { day: string; month: string; year: string };
  durationMinutes: string;
  attendees: string;
  topics: string[];
  notes: string;
}

export const EMPTY_SESSION: SessionValues = { heldOn: { day: '', month: '', year: '' }, durationMinutes: '', attendees: '', topics: [], notes: '' };

export interface Arrangement {
  id: string;
  type: SupervisionType;
  supervisorName: string;
}

const dateAnchor = (path: string) => (path.startsWith('heldOn') ? 'heldOn-day' : path);

function SessionFields({
  register,
  fieldError,
  topics,
  values,
  otherParty,
}: {
  register: (name: string) => UseFormRegisterReturn;
  fieldError: (name: string) => string | undefined;
  topics: ReadonlyArray<{ key: string; label: string }>;
  values: SessionValues;
  otherParty: string;
}) {
  return (
    <>
      <DateInput
        name="heldOn"
        legend="Date of the session"
        hint="For example, 14 1 2027"
        error={fieldError('heldOn')}
        register={(part) => ({ ...register(`heldOn.${part}`), defaultValue: values.heldOn[part] }) as UseFormRegisterReturn}
      />
      <TextInput id="durationMinutes" label="How long it lasted, in minutes" width={3} inputMode="numeric" defaultValue={values.durationMinutes} error={fieldError('durationMinutes')} {...register('durationMinutes')} />
      <TextInput
        id="attendees"
        label="Who else attended (optional)"
        hint={`For group reflective practice. Only you and ${otherParty} see this.`}
        defaultValue={values.attendees}
        error={fieldError('attendees')}
        {...register('attendees')}
      />
      <Checkboxes
        name="topics"
        legend="What did you talk about?"
        hint="Select all that apply. Everyone who follows the agreement, including managers, sees the topics."
        options={topics.map((topic) => ({ value: topic.key, label: topic.label }))}
        defaultValue={values.topics}
        error={fieldError('topics')}
        inputProps={register('topics')}
      />
      <Textarea
        id="notes"
        label="Notes"
        hint={`Only you and ${otherParty} can read these notes: not managers, HR, administrators or other supervisors. They are stored encrypted.`}
        rows={10}
        defaultValue={values.notes}
        error={fieldError('notes')}
        {...register('notes')}
      />
    </>
  );
}

/** The peer worker or a supervisor records a session, choosing the type among the arrangements they are in. */
export function RecordSessionForm({
  agreementId,
  arrangements,
  topics,
  isPeerWorker,
  peerWorkerName,
}: {
  agreementId: string;
  arrangements: Arrangement[];
  topics: ReadonlyArray<{ key: string; label: string }>;
  isPeerWorker: boolean;
  peerWorkerName: string;
}) {
  const router = useRouter();
  const only = arrangements.length === 1 ? arrangements[0] : null;
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: recordSessionSchema,
    action: recordSession,
    defaultValues: { arrangementId: only?.id ?? '', ...EMPTY_SESSION } as never,
    onSuccess: (data) => router.push(`${sessionPath(data.sessionId)}?saved=recorded`),
    anchor: dateAnchor,
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Session recorded" href={sessionPath(result.data.sessionId)}>
        See the record
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  const otherParty = isPeerWorker ? (only ? only.supervisorName : 'your supervisor') : peerWorkerName;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        {only ? (
          <>
            <input type="hidden" {...register('arrangementId')} defaultValue={only.id} />
            <p>
              {TYPE_LABELS[only.type]} {isPeerWorker ? `with ${only.supervisorName}` : `with ${peerWorkerName}`}.
            </p>
          </>
        ) : (
          <Radios
            name="arrangementId"
            legend="Type of supervision"
            options={arrangements.map((arrangement) => ({ value: arrangement.id, label: isPeerWorker ? `${TYPE_LABELS[arrangement.type]} with ${arrangement.supervisorName}` : TYPE_LABELS[arrangement.type] }))}
            error={fieldError('arrangementId')}
            inputProps={register('arrangementId')}
          />
        )}
        <SessionFields register={register} fieldError={fieldError} topics={topics} values={EMPTY_SESSION} otherParty={otherParty} />
        <p>{isPeerWorker ? 'Your supervisor' : peerWorkerName} is asked to co-sign the record, or comment on it.</p>
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save the record</SubmitButton>
          <Link className="nhsuk-link" href={agreementPath(agreementId)}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** Whoever recorded a session changes it, before it is co-signed. */
export function ChangeSessionForm({ sessionId, version, topics, values, otherParty }: { sessionId: string; version: number; topics: ReadonlyArray<{ key: string; label: string }>; values: SessionValues; otherParty: string }) {
  const router = useRouter();
  const back = sessionPath(sessionId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: updateSessionSchema,
    action: updateSession,
    defaultValues: { sessionId, version, ...values } as never,
    onSuccess: (data) => {
      router.push(`${sessionPath(data.sessionId)}?saved=changed`);
      router.refresh();
    },
    anchor: dateAnchor,
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Record changed" href={back}>
        See the record
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...register('sessionId')} defaultValue={sessionId} />
        <input type="hidden" {...register('version')} defaultValue={version} />
        <SessionFields register={register} fieldError={fieldError} topics={topics} values={values} otherParty={otherParty} />
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

/** Either of its two people amends a co-signed record: a new record naming it, and both are kept. */
export function AmendSessionForm({ sessionId, topics, values, otherParty }: { sessionId: string; topics: ReadonlyArray<{ key: string; label: string }>; values: SessionValues; otherParty: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: amendSessionSchema,
    action: amendSession,
    defaultValues: { sessionId, ...values } as never,
    onSuccess: (data) => router.push(`${sessionPath(data.sessionId)}?saved=amended`),
    anchor: dateAnchor,
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Amendment saved" href={sessionPath(result.data.sessionId)}>
        See the amendment
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...register('sessionId')} defaultValue={sessionId} />
        <SessionFields register={register} fieldError={fieldError} topics={topics} values={values} otherParty={otherParty} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save the amendment</SubmitButton>
          <Link className="nhsuk-link" href={sessionPath(sessionId)}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

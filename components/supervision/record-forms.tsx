'use client';

import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SupervisionActionStatus } from '@/lib/generated/prisma/enums';
import { sessionPath } from '@/lib/supervision/paths';
import { actionStatusSchema, addActionSchema, commentSchema, cosignSessionSchema } from '@/lib/supervision/schemas';
import { addSessionAction, commentOnSession, cosignSession, updateActionStatus } from '@/lib/supervision/session-actions';

/*
 * The forms on a session's record, for its two people only. Those that leave
 * the person on the same page are keyed by the page (by what they change), so
 * that after a change they start again empty.
 */

/** The other party says "this is a fair record". */
export function CosignSessionForm({ sessionId, version }: { sessionId: string; version: number }) {
  return (
    <ActionButtonForm
      schema={cosignSessionSchema}
      action={cosignSession}
      values={{ sessionId, version }}
      label="Co-sign: this is a fair record"
      successHref={(data) => `${sessionPath(data.sessionId)}?saved=cosigned`}
      successMessage="Record co-signed"
    />
  );
}

export function CommentForm({ sessionId, otherParty }: { sessionId: string; otherParty: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: commentSchema,
    action: commentOnSession,
    defaultValues: { sessionId, text: '' },
    onSuccess: (data) => {
      form.reset({ sessionId, text: '' });
      router.push(`${sessionPath(data.sessionId)}?saved=comment`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Comment added" href={sessionPath(sessionId)}>
        See the record
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('sessionId')} defaultValue={sessionId} />
        <Textarea id="text" label="Add a comment" hint={`If something in the record is not as you remember it, say so here. Only you and ${otherParty} can read comments.`} rows={4} error={fieldError('text')} {...form.register('text')} />
        <SubmitButton pending={pending} variant="secondary">
          Save the comment
        </SubmitButton>
      </form>
    </>
  );
}

/** An action agreed in the session: what, who does it (one of the two), and by when. It carries into the next sessions until done. */
export function AddActionForm({ sessionId, peerWorkerName, supervisorName }: { sessionId: string; peerWorkerName: string; supervisorName: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addActionSchema,
    action: addSessionAction,
    defaultValues: { sessionId, text: '', owner: undefined, dueOn: { day: '', month: '', year: '' } } as never,
    onSuccess: (data) => {
      router.push(`${sessionPath(data.sessionId)}?saved=action`);
      router.refresh();
    },
    anchor: (path) => (path.startsWith('dueOn') ? 'dueOn-day' : path === 'text' ? 'actionText' : path),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Action added" href={sessionPath(sessionId)}>
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
        <TextInput id="actionText" label="What was agreed" hint="Only the two of you can read it." error={fieldError('text')} {...register('text')} />
        <Radios
          name="owner"
          legend="Who will do it?"
          inline
          options={[
            { value: 'PEER_WORKER', label: peerWorkerName },
            { value: 'SUPERVISOR', label: supervisorName },
          ]}
          error={fieldError('owner')}
          inputProps={register('owner')}
        />
        <DateInput name="dueOn" legend="When is it due?" hint="For example, 14 1 2027" error={fieldError('dueOn')} register={(part) => register(`dueOn.${part}`) as UseFormRegisterReturn} />
        <SubmitButton pending={pending} variant="secondary">
          Add the action
        </SubmitButton>
      </form>
    </>
  );
}

const STATUS_BUTTONS: Record<SupervisionActionStatus, Array<{ status: SupervisionActionStatus; label: string }>> = {
  OPEN: [
    { status: 'DONE', label: 'Mark as done' },
    { status: 'DROPPED', label: 'Drop it' },
  ],
  DONE: [{ status: 'OPEN', label: 'Reopen' }],
  DROPPED: [{ status: 'OPEN', label: 'Reopen' }],
};

/** Moves an action on: done or dropped, or open again. `about` finishes each button's name for screen readers. */
export function ActionStatusButtons({ actionId, version, status, about, returnTo }: { actionId: string; version: number; status: SupervisionActionStatus; about: ReactNode; returnTo: string }) {
  return (
    <>
      {STATUS_BUTTONS[status].map((button) => (
        <ActionButtonForm
          key={button.status}
          schema={actionStatusSchema}
          action={updateActionStatus}
          values={{ actionId, version, status: button.status }}
          label={
            <>
              {button.label}
              <span className="nhsuk-u-visually-hidden">: {about}</span>
            </>
          }
          variant="secondary"
          successHref={() => `${returnTo}?saved=action-status`}
          successMessage="Action updated"
        />
      ))}
    </>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Select } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { recordCheckIn } from '@/lib/supervision/checkin-actions';
import { CHECK_INS_PATH } from '@/lib/supervision/paths';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';
import { checkInSchema } from '@/lib/supervision/schemas';

export const SCALE = [
  { value: '1', label: '1 – Strongly disagree' },
  { value: '2', label: '2 – Disagree' },
  { value: '3', label: '3 – Neither agree nor disagree' },
  { value: '4', label: '4 – Agree' },
  { value: '5', label: '5 – Strongly agree' },
] as const;

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A peer worker's check-in: five statements on a 1 to 5 scale, with one of their sessions or on its own. */
export function CheckInForm({ sessions, selectedSessionId }: { sessions: ReadonlyArray<{ id: string; type: SupervisionType; heldOn: Date }>; selectedSessionId: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: checkInSchema,
    action: recordCheckIn,
    defaultValues: { sessionId: selectedSessionId } as never,
    onSuccess: () => {
      router.push(`${CHECK_INS_PATH}?saved=checked-in`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Check-in saved" href={CHECK_INS_PATH}>
        See your check-ins
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        {sessions.length > 0 ? (
          <Select
            id="sessionId"
            label="Is this check-in about a session? (optional)"
            placeholder="Not about a particular session"
            options={sessions.map((session) => ({ value: session.id, label: `${TYPE_LABELS[session.type]}, ${day.format(session.heldOn)}` }))}
            defaultValue={selectedSessionId}
            error={fieldError('sessionId')}
            {...register('sessionId')}
          />
        ) : null}
        {CHECK_IN_QUESTIONS.map((question) => (
          <Radios
            key={question}
            name={question}
            legend={CHECK_IN_WORDING[question]}
            hint="How much do you agree?"
            options={SCALE}
            error={fieldError(question)}
            inputProps={register(question)}
          />
        ))}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save my check-in</SubmitButton>
          <Link className="nhsuk-link" href={CHECK_INS_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

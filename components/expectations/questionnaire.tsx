'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, type ReactNode } from 'react';
import { z } from 'zod';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { answerExpectations } from '@/lib/expectations/actions';
import { EXPECTATION_ANSWERS } from '@/lib/expectations/rules';
import { ANSWER_LABELS, answerExpectationsSchema } from '@/lib/expectations/schemas';

const answerOptions = EXPECTATION_ANSWERS.map((answer) => ({ value: answer, label: ANSWER_LABELS[answer] }));

interface QuestionnaireActivity {
  id: string;
  name: string;
  description: string;
  /** Set for an activity the team added to the organisation's catalogue. */
  teamId: string | null;
}

const unansweredMessage = (name: string) => `Select an answer for “${name}”`;

/**
 * The expectations check itself: one question per activity, each a fieldset of
 * inline radios. The server asks for every activity too; in the browser the
 * schema names each one, so the error summary links to each unanswered question.
 */
export function ExpectationsQuestionnaire({
  checkId,
  activities,
  previousAnswers,
  successHref,
  cancelHref,
  children,
}: {
  checkId: string;
  activities: QuestionnaireActivity[];
  /** Their earlier answers when they are changing them. */
  previousAnswers: Record<string, string>;
  successHref: string;
  cancelHref?: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const schema = useMemo(
    () =>
      answerExpectationsSchema.extend({
        answers: z.object(
          Object.fromEntries(activities.map((activity) => [activity.id, z.enum(EXPECTATION_ANSWERS, { error: unansweredMessage(activity.name) })])),
          { error: 'Answer each activity' },
        ),
      }),
    [activities],
  );
  // Only activities still in the catalogue: an answer to a removed one would be refused.
  const answers = Object.fromEntries(activities.filter((activity) => previousAnswers[activity.id]).map((activity) => [activity.id, previousAnswers[activity.id]]));
  const names = new Map(activities.map((activity) => [`answers.${activity.id}`, activity.name]));
  const { form, formProps, pending, result, errorSummary: rawSummary, fieldError: at } = useActionForm({
    schema,
    action: answerExpectations,
    defaultValues: { checkId, answers } as never,
    onSuccess: () => router.push(successHref),
    anchor: (path) => (names.has(path) ? path : undefined),
  });

  // The server's message is the same for every activity: name the activity, as the browser does.
  const order = [...names.keys()];
  const position = (field?: string) => (field && names.has(field) ? order.indexOf(field) : -1);
  const summary = rawSummary
    .map((item) => (item.field && names.has(item.field) ? { ...item, message: unansweredMessage(names.get(item.field) ?? '') } : item))
    .sort((a, b) => position(a.field) - position(b.field));
  const errorFor = (activity: QuestionnaireActivity) => (at(`answers.${activity.id}`) ? unansweredMessage(activity.name) : undefined);

  if (result?.ok) {
    // Seen without JavaScript; with it, the router has already moved on.
    return (
      <SavedBanner heading="Your answers have been saved" href={successHref}>
        Go to the expectations check
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('checkId')} defaultValue={checkId} />
        {activities.map((activity) => (
          <Radios
            key={activity.id}
            name={`answers.${activity.id}`}
            legend={activity.name}
            hint={
              activity.description || activity.teamId ? (
                <>
                  {activity.description}
                  {activity.teamId ? `${activity.description ? ' ' : ''}(added by this team)` : null}
                </>
              ) : undefined
            }
            options={answerOptions}
            inline
            defaultValue={answers[activity.id]}
            error={errorFor(activity)}
            inputProps={form.register(`answers.${activity.id}` as never)}
          />
        ))}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>{Object.keys(answers).length > 0 ? 'Save your answers' : 'Send your answers'}</SubmitButton>
          {cancelHref ? (
            <Link className="nhsuk-link" href={cancelHref}>
              Cancel
            </Link>
          ) : null}
        </div>
      </form>
    </>
  );
}

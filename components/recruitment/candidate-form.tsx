'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { Checkboxes, Textarea, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { addCandidateSchema } from '@/lib/recruitment/schemas';
import { addCandidate } from '@/lib/recruitment/vacancy-actions';

/** HR records a candidate: contact details, adjustments, the guaranteed interview scheme, and their answer to each shortlisting criterion. */
export function CandidateForm({ vacancyId, criteria }: { vacancyId: string; criteria: ReadonlyArray<{ id: string; wording: string }> }) {
  const router = useRouter();
  const back = vacancyPath(vacancyId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addCandidateSchema,
    action: addCandidate,
    defaultValues: { vacancyId, name: '', email: '', phone: '', adjustments: '', answers: Object.fromEntries(criteria.map((criterion) => [criterion.id, ''])), identifying: [] } as never,
    onSuccess: (data) => {
      router.push(`${candidatePath(data.vacancyId, data.candidateId)}?saved=candidate`);
      router.refresh();
    },
    anchor: (path) => (path.startsWith('answers.') ? `answer-${path.slice('answers.'.length)}` : path),
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading={`Candidate ${result.data.number} recorded`} href={back}>
        Go back to the vacancy
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('vacancyId')} defaultValue={vacancyId} />
        <h2>Who they are</h2>
        <p>Only HR sees these. The panel sees the candidate as a number until interview.</p>
        <TextInput id="name" label="Full name" autoComplete="off" error={fieldError('name')} {...form.register('name')} />
        <TextInput id="email" label="Email address" type="email" autoComplete="off" spellCheck={false} error={fieldError('email')} {...form.register('email')} />
        <TextInput id="phone" label="Phone number (optional)" type="tel" autoComplete="off" width={20} error={fieldError('phone')} {...form.register('phone')} />
        <Textarea
          id="adjustments"
          label="Reasonable adjustments requested (optional)"
          hint="For example, the interview questions in advance, a quiet waiting room, extra time. The interview panel sees these."
          rows={3}
          error={fieldError('adjustments')}
          {...form.register('adjustments')}
        />
        <Checkboxes
          name="guaranteedInterview"
          legend="Guaranteed interview scheme"
          options={[{ value: 'yes', label: 'They opted into a guaranteed interview scheme (such as Disability Confident)', hint: 'If they meet every essential shortlisting criterion they are invited to interview, or the reason is recorded.' }]}
          error={fieldError('guaranteedInterview')}
          inputProps={form.register('guaranteedInterview')}
        />
        <h2>Their application</h2>
        <p>Copy each answer as written. Tick an answer as identifying if it would tell the panel who they are (a name, a place, a service they used): the panel will not see it at shortlisting.</p>
        {criteria.length === 0 ? <p>This vacancy has no criteria assessed from the application.</p> : null}
        {criteria.map((criterion) => (
          <div key={criterion.id}>
            <Textarea id={`answer-${criterion.id}`} label={criterion.wording} rows={6} error={fieldError(`answers.${criterion.id}`)} {...form.register(`answers.${criterion.id}` as never)} />
            <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-5">
              <div className="nhsuk-checkboxes__item">
                <input className="nhsuk-checkboxes__input" id={`identifying-${criterion.id}`} type="checkbox" value={criterion.id} {...form.register('identifying')} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`identifying-${criterion.id}`}>
                  This answer identifies them: withhold it from the panel at shortlisting
                </label>
              </div>
            </div>
          </div>
        ))}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Record the candidate</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

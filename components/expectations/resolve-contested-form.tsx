'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Select, Textarea } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ContestedOutcome } from '@/lib/generated/prisma/enums';
import { resolveContested } from '@/lib/expectations/actions';
import { ROLE_SECTIONS } from '@/lib/roles/rules';
import { OUTCOME_LABELS, resolveContestedSchema } from '@/lib/expectations/schemas';

const OUTCOME_HINTS: Record<ContestedOutcome, string> = {
  INCLUDED: 'The description now says this is part of the role, for example in its key responsibilities.',
  EXCLUDED: 'The description now says this is not part of the role, for example in what the role is not.',
  CLARIFIED: 'The description now explains when, how or how far the peer worker does this.',
};
const outcomeOptions = (Object.keys(OUTCOME_LABELS) as ContestedOutcome[]).map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome], hint: OUTCOME_HINTS[outcome] }));
const sectionOptions = ROLE_SECTIONS.map((section) => ({ value: section.key, label: section.title }));

/** The success address, saying which version (if any) settling this made Agreed, for the banner there. */
function withAgreed(href: string, agreedVersions: number[]): string {
  if (agreedVersions.length === 0) return href;
  const [path, hash] = href.split('#');
  return `${path}${path.includes('?') ? '&' : '?'}agreed=${agreedVersions[0]}${hash ? `#${hash}` : ''}`;
}

export function ResolveContestedForm({
  checkId,
  activityId,
  activityName,
  previous,
  successHref,
  cancelHref,
  children,
}: {
  checkId: string;
  activityId: string;
  activityName: string;
  previous: { outcome: ContestedOutcome; section: string; note: string } | null;
  successHref: string;
  cancelHref: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const defaults = { checkId, activityId, outcome: previous?.outcome, section: previous?.section ?? '', note: previous?.note ?? '' };
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: resolveContestedSchema,
    action: resolveContested,
    defaultValues: defaults as never,
    onSuccess: (data) => router.push(withAgreed(successHref, data.agreedVersions)),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading={`You recorded how “${activityName}” was settled`} href={withAgreed(successHref, result.data.agreedVersions)}>
        Go back to the expectations check
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('checkId')} defaultValue={checkId} />
        <input type="hidden" {...form.register('activityId')} defaultValue={activityId} />
        <Radios name="outcome" legend="What did you decide?" options={outcomeOptions} defaultValue={previous?.outcome} error={fieldError('outcome')} inputProps={form.register('outcome')} />
        <Select
          id="section"
          label="Which section of the role description says so?"
          hint="Reviewers follow this link to see where the decision is written down."
          placeholder="Select a section"
          options={sectionOptions}
          defaultValue={previous?.section ?? ''}
          error={fieldError('section')}
          {...form.register('section')}
        />
        <Textarea
          id="note"
          label="What was decided"
          hint="For example: peer workers share what they know about the person in risk discussions, but do not carry out formal risk assessments. Up to 2,000 characters."
          defaultValue={previous?.note ?? ''}
          error={fieldError('note')}
          {...form.register('note')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save decision</SubmitButton>
          <Link className="nhsuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

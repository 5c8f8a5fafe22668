'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { Radios, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { CandidateReach } from '@/lib/generated/prisma/enums';
import { REACH_LABELS } from '@/lib/recruitment/labels';
import { specificationPath, vacancyPath } from '@/lib/recruitment/paths';
import { openVacancySchema } from '@/lib/recruitment/schemas';
import { openVacancy } from '@/lib/recruitment/vacancy-actions';

const REACH_HINTS: Record<CandidateReach, string> = {
  OPEN_ADVERT: 'Advertised openly (NHS Jobs, local networks, service-user groups), so anyone with lived experience could apply.',
  DIRECT_APPROACH: 'Staff asked people they know to apply. Recorded because it shapes who gets the chance.',
};

/** Opens a vacancy from a ready person specification. */
export function OpenVacancyForm({ specificationId, defaultTitle }: { specificationId: string; defaultTitle: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: openVacancySchema,
    action: openVacancy,
    defaultValues: { specificationId, title: defaultTitle, posts: 1, closingDate: { day: '', month: '', year: '' } } as never,
    onSuccess: (data) => router.push(vacancyPath(data.vacancyId)),
    anchor: (path) => (path.startsWith('closingDate') ? 'closingDate-day' : path),
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Vacancy opened" href={vacancyPath(result.data.vacancyId)}>
        Go to the vacancy
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('specificationId')} defaultValue={specificationId} />
        <TextInput id="title" label="Vacancy title" error={fieldError('title')} {...form.register('title')} />
        <TextInput id="posts" label="Number of posts" width={2} inputMode="numeric" error={fieldError('posts')} {...form.register('posts')} />
        <DateInput name="closingDate" legend="Closing date" hint="For example, 27 3 2027" error={fieldError('closingDate')} register={(part) => form.register(`closingDate.${part}` as never)} />
        <Radios
          name="reach"
          legend="How were candidates reached?"
          options={(Object.keys(REACH_LABELS) as CandidateReach[]).map((reach) => ({ value: reach, label: REACH_LABELS[reach], hint: REACH_HINTS[reach] }))}
          error={fieldError('reach')}
          inputProps={form.register('reach')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Open the vacancy</SubmitButton>
          <Link className="nhsuk-link" href={specificationPath(specificationId)}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

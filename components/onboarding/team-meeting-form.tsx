'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Select, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Weekday } from '@/lib/generated/prisma/enums';
import { WEEKDAY_LABELS } from '@/lib/onboarding/labels';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { addMeetingSchema } from '@/lib/onboarding/schemas';
import { addMeeting } from '@/lib/onboarding/team-actions';

/** Records one of the team's regular meetings: name, day, time, and whether it is where the team makes its decisions. */
export function TeamMeetingForm({ teamId, hasMainMeeting }: { teamId: string; hasMainMeeting: boolean }) {
  const router = useRouter();
  const back = teamArrangementsPath(teamId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addMeetingSchema,
    action: addMeeting,
    defaultValues: { teamId, name: '', day: '', time: '', main: hasMainMeeting ? 'no' : undefined } as never,
    onSuccess: () => {
      router.push(`${back}?saved=meeting`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Meeting added" href={back}>
        Go back to the team’s meetings and systems
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId} />
        <TextInput id="name" label="Name of the meeting" hint="For example, “Weekly team meeting” or “Referrals and allocation”." error={fieldError('name')} {...form.register('name')} />
        <Select
          id="day"
          label="Day"
          placeholder="Select a day"
          options={(Object.keys(WEEKDAY_LABELS) as Weekday[]).map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }))}
          defaultValue=""
          error={fieldError('day')}
          {...form.register('day')}
        />
        <TextInput id="time" label="Start time" hint="Use the 24-hour clock, like 09:30 or 14:00." width={5} spellCheck={false} error={fieldError('time')} {...form.register('time')} />
        <Radios
          name="main"
          legend="Is this the team’s main decision-making meeting?"
          hint={
            hasMainMeeting
              ? 'The team already has a main decision-making meeting. To record a different one, remove that one first.'
              : 'The meeting where the team decides things together, like caseloads, referrals or changes to how it works. A peer worker who does not work on its day misses those decisions.'
          }
          inline
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          defaultValue={hasMainMeeting ? 'no' : undefined}
          error={fieldError('main')}
          inputProps={form.register('main')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add the meeting</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

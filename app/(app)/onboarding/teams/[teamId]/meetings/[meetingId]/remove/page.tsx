import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatMeetingTime } from '@/components/onboarding/team-arrangements-tables';
import { RemoveMeetingForm } from '@/components/onboarding/team-button-forms';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { WEEKDAY_LABELS } from '@/lib/onboarding/labels';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { loadTeamArrangements } from '@/lib/onboarding/team-queries';

export const metadata: Metadata = { title: 'Remove a team meeting' };

export default async function RemoveTeamMeetingPage({ params }: { params: Promise<{ teamId: string; meetingId: string }> }) {
  const { teamId, meetingId } = await params;
  const arrangements = await loadTeamArrangements(await requireUser(), teamId);
  if (!arrangements) notFound();
  const { team } = arrangements;
  const back = teamArrangementsPath(team.id);
  // Found among this team's own meetings: an id from another team finds nothing.
  const meeting = team.meetings.find((item) => item.id === meetingId);
  if (!meeting) {
    // The team is the manager's to see; only the meeting is missing. Also what a form post without JavaScript
    // lands on once it has removed the meeting.
    return (
      <>
        <BackLink href={back}>Back to team meetings and systems</BackLink>
        <h1>This meeting is not recorded for {team.name}</h1>
        <p>It may have been removed already.</p>
        <p>
          <Link href={back}>Go back to team meetings and systems</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink href={back}>Back to team meetings and systems</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* The question is the form's own content: once removed (without JavaScript), the success message is the page's only h1. */}
          <RemoveMeetingForm meetingId={meeting.id} teamId={team.id}>
            <span className="nhsuk-caption-l">{team.name}</span>
            <h1>Remove “{meeting.name}”?</h1>
            <p>
              {WEEKDAY_LABELS[meeting.day]}s at {formatMeetingTime(meeting.time)}
              {meeting.main ? ', the team’s main decision-making meeting' : ''}.
            </p>
            <p>The parity checks will no longer compare peer workers’ working days with this meeting. Parity issues it raised stop showing.</p>
          </RemoveMeetingForm>
        </div>
      </div>
    </>
  );
}

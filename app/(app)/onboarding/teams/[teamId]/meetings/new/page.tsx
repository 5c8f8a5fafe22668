import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TeamMeetingForm } from '@/components/onboarding/team-meeting-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { loadTeamArrangements } from '@/lib/onboarding/team-queries';

export const metadata: Metadata = { title: 'Add a team meeting' };

export default async function NewTeamMeetingPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const arrangements = await loadTeamArrangements(await requireUser(), teamId);
  if (!arrangements) notFound();
  const { team } = arrangements;
  return (
    <>
      <BackLink href={teamArrangementsPath(team.id)}>Back to team meetings and systems</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{team.name}</span>
          <h1>Add a meeting</h1>
          <p>Record meetings the whole team is expected at, so the parity checks can tell when a peer worker’s working days mean they miss one.</p>
          <TeamMeetingForm teamId={team.id} hasMainMeeting={team.meetings.some((meeting) => meeting.main)} />
        </div>
      </div>
    </>
  );
}

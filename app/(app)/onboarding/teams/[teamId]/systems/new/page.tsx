import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TeamSystemForm } from '@/components/onboarding/team-system-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { loadTeamArrangements } from '@/lib/onboarding/team-queries';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Record system access' };

export default async function NewSystemAccessPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const arrangements = await loadTeamArrangements(await requireUser(), teamId);
  if (!arrangements) notFound();
  const { team, members, knownSystems } = arrangements;
  return (
    <>
      <BackLink href={teamArrangementsPath(team.id)}>Back to team meetings and systems</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{team.name}</span>
          <h1>Record system access</h1>
          <p>Record the systems each person in the team can use. The parity checks show a system colleagues have that a peer worker does not.</p>
          {members.length === 0 ? (
            <p>The team has no active members.</p>
          ) : (
            <TeamSystemForm teamId={team.id} members={members.map((member) => ({ id: member.id, label: `${member.name}, ${TEAM_ROLE_LABELS[member.role]}` }))} knownSystems={knownSystems} />
          )}
        </div>
      </div>
    </>
  );
}

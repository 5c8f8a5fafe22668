import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RemoveSystemAccessForm } from '@/components/onboarding/team-button-forms';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { loadTeamArrangements } from '@/lib/onboarding/team-queries';

export const metadata: Metadata = { title: 'Remove system access' };

export default async function RemoveSystemAccessPage({ params }: { params: Promise<{ teamId: string; systemAccessId: string }> }) {
  const { teamId, systemAccessId } = await params;
  const arrangements = await loadTeamArrangements(await requireUser(), teamId);
  if (!arrangements) notFound();
  const { team, members } = arrangements;
  const back = teamArrangementsPath(team.id);
  // Found among this team's members' access only: an id from anyone else finds nothing.
  const found = members.flatMap((member) => member.systemAccess.map((access) => ({ ...access, member }))).find((access) => access.id === systemAccessId);
  if (!found) {
    // The team is the manager's to see; only the access is missing. Also what a form post without JavaScript
    // lands on once it has removed it.
    return (
      <>
        <BackLink href={back}>Back to team meetings and systems</BackLink>
        <h1>This system access is not recorded for anyone in {team.name}</h1>
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
          <RemoveSystemAccessForm systemAccessId={found.id} teamId={team.id}>
            <span className="nhsuk-caption-l">{team.name}</span>
            <h1>
              Remove {found.system} for {found.member.name}?
            </h1>
            <p>This records that {found.member.name} no longer has {found.system}. It applies in every team they belong to, since access belongs to the person.</p>
          </RemoveSystemAccessForm>
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TeamMeetingsTable, TeamSystemsTable } from '@/components/onboarding/team-arrangements-tables';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { requireUser } from '@/lib/auth/load';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { loadTeamArrangements } from '@/lib/onboarding/team-queries';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const arrangements = await loadTeamArrangements(await requireUser(), (await params).teamId);
  return { title: arrangements ? `Team meetings and systems – ${arrangements.team.name}` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  meeting: 'Meeting added.',
  'meeting-removed': 'Meeting removed.',
  system: 'System access recorded.',
  'system-removed': 'System access removed.',
};

/** The team's regular meetings and the systems its members have: what parity compares a peer worker's arrangements with. */
export default async function TeamArrangementsPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { teamId } = await params;
  const arrangements = await loadTeamArrangements(await requireUser(), teamId);
  if (!arrangements) notFound();
  const { team, members } = arrangements;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const path = teamArrangementsPath(team.id);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/onboarding', label: 'Onboarding' }]} />
      <PageHeading caption={team.name}>Team meetings and systems</PageHeading>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <p>Peer workers should be part of the team on the same terms as their colleagues. The parity checks on each peer worker’s placement compare their arrangements with what you record here:</p>
      <ul>
        <li>a team meeting on a day the peer worker does not work, especially the main decision-making meeting</li>
        <li>a system colleagues in the team have and the peer worker does not</li>
      </ul>
      <p>Keep these up to date so the checks are right. A mismatch shows on the placement for you and the peer worker to resolve, or to accept with a reason.</p>

      <h2>Regular meetings</h2>
      {team.meetings.length === 0 ? <p>No meetings recorded yet.</p> : <TeamMeetingsTable teamId={team.id} meetings={team.meetings} />}
      <ButtonLink href={`${path}/meetings/new`} variant="secondary">
        Add a meeting
      </ButtonLink>

      <h2>Systems access</h2>
      <p>The systems each member of the team can use, like NHS email, the electronic patient record or shared drives.</p>
      {members.length === 0 ? <p>The team has no active members.</p> : <TeamSystemsTable teamId={team.id} members={members} />}
      {members.length > 0 ? (
        <ButtonLink href={`${path}/systems/new`} variant="secondary">
          Record system access
        </ButtonLink>
      ) : null}
    </>
  );
}

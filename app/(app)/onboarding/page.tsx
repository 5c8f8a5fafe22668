import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { loadOnboarding } from '@/lib/onboarding/load';
import { placementPath, teamArrangementsPath, WELLBEING_PATH } from '@/lib/onboarding/paths';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { can } from '@/lib/permissions';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Onboarding' };

/**
 * Onboarding: the placements a person may open (their own, their teams' for
 * managers, every one for HR, the ones they support or owe tasks in), the
 * people recruitment handed on to teams they manage, and for other team
 * members only who the peer workers in their teams are.
 */
export default async function OnboardingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = parsePage(searchParam(await searchParams, 'page'));
  const { user, placements, waiting, peers, managedTeams: teams } = await loadOnboarding(page);
  const manages = teams.length > 0;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Onboarding</h1>
      <p>Bring peer workers into their team as equals: a plan of tasks from a template, working arrangements on a par with their colleagues’, and the support they need from day one.</p>
      {manages ? <ButtonLink href="/onboarding/placements/new">Start a placement</ButtonLink> : null}
      <ul className="nhsuk-list">
        <li>
          <Link href="/onboarding/tasks">Your onboarding tasks</Link>
        </li>
        <li>
          <Link href={WELLBEING_PATH}>My wellbeing plan</Link>
        </li>
        {can(user, 'onboarding.template.manage') ? (
          <li>
            <Link href="/onboarding/templates">Onboarding templates</Link>
          </li>
        ) : null}
        {teams.map((team) => (
          <li key={team.id}>
            <Link href={teamArrangementsPath(team.id)}>Team meetings and systems: {team.name}</Link>
          </li>
        ))}
      </ul>

      {manages ? (
        <section aria-labelledby="waiting">
          <h2 id="waiting">Waiting to start</h2>
          {waiting.length === 0 ? (
            <p>Nobody is waiting. When HR hands on someone appointed to one of your teams, they appear here for you to start their placement.</p>
          ) : (
            <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="People waiting to start (scrolls sideways on a small screen)">
              <Table
                caption="People recruitment handed on, waiting for their placement to start"
                captionHidden
                responsive
                firstCellIsHeader
                columns={[{ header: 'Name' }, { header: 'Team' }, { header: 'Vacancy' }, { header: 'Handed on' }, { header: 'Action' }]}
                rows={waiting.map((person) => ({
                  key: person.appointmentId,
                  cells: [
                    person.name,
                    person.teamName,
                    person.vacancyTitle,
                    <DateTime key="handed" value={person.handedOnAt} dateOnly />,
                    <Link key="start" href={`/onboarding/placements/new?appointmentId=${person.appointmentId}`}>
                      Start placement<span className="nhsuk-u-visually-hidden"> for {person.name}</span>
                    </Link>,
                  ],
                }))}
              />
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="placements">
        <h2 id="placements">Placements</h2>
        {placements.total === 0 ? (
          <InsetText>
            <p>
              {manages
                ? 'No placements yet. Start one for someone recruitment handed on, or place a peer worker directly on one of your team’s agreed roles.'
                : can(user, 'onboarding.view')
                  ? 'No placements yet. They appear here once a team’s manager starts one.'
                  : 'You have no placements to see. Your own appears here once your manager starts it, and so does anyone’s you support or owe a task for.'}
            </p>
          </InsetText>
        ) : (
          <>
            <ResultCount page={placements.page} total={placements.total} pageSize={PAGE_SIZE} noun={['placement', 'placements']} />
            <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Placements (scrolls sideways on a small screen)">
              <Table
                caption="Placements"
                captionHidden
                responsive
                firstCellIsHeader
                columns={[{ header: 'Peer worker' }, { header: 'Team' }, { header: 'Role' }, { header: 'Start date' }, { header: 'Progress' }, { header: 'Overdue', numeric: true }]}
                rows={placements.items.map((placement) => ({
                  key: placement.id,
                  cells: [
                    <Link key="name" href={placementPath(placement.id)}>
                      {placement.name}
                    </Link>,
                    placement.teamName,
                    placement.roleTitle,
                    <DateTime key="start" value={placement.startDate} dateOnly />,
                    placement.endedAt ? (
                      <Tag key="ended" colour="grey">
                        Ended
                      </Tag>
                    ) : (
                      `${placement.progress.completed} of ${placement.progress.total} tasks completed`
                    ),
                    placement.progress.overdue > 0 ? (
                      <Tag key="overdue" colour="red">
                        {placement.progress.overdue} overdue
                      </Tag>
                    ) : (
                      '0'
                    ),
                  ],
                }))}
              />
            </div>
            <Pagination page={placements.page} pageCount={placements.pageCount} basePath="/onboarding" label="Placements, pages" />
          </>
        )}
      </section>

      {peers.length > 0 ? (
        <section aria-labelledby="peers">
          <h2 id="peers">Peer workers in your teams</h2>
          <p>Their plans and arrangements are for them, their managers and the people who support them.</p>
          <Table
            caption="Peer workers in your teams"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Name' }, { header: 'Role' }, { header: 'Team' }]}
            rows={peers.map((peer) => ({ key: peer.id, cells: [peer.name, peer.roleTitle, peer.teamName] }))}
          />
        </section>
      ) : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { TextInput } from '@/components/ui/fields';
import { Table } from '@/components/ui/table';
import { getCurrentUser, requireUser } from '@/lib/auth/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { can } from '@/lib/permissions';
import { listTeams } from '@/lib/teams/queries';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { archived } = await searchParams;
  const seesEveryTeam = can(await getCurrentUser(), 'team.list');
  return { title: seesEveryTeam ? (archived === '1' ? 'Archived teams' : 'Teams') : 'Your teams' };
}

export default async function TeamsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  // Everyone may open this page; listTeams shows only the teams they may see.
  const seesEveryTeam = can(user, 'team.list');
  const archived = seesEveryTeam && params.archived === '1';
  const page = parsePage(params.page);
  const search = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const teams = await listTeams(user, { page, archived, search });
  const mayCreate = can(user, 'team.create');
  const heading = archived ? 'Archived teams' : seesEveryTeam ? 'Teams' : 'Your teams';

  return (
    <>
      <Breadcrumbs items={archived ? [{ href: '/', label: 'Home' }, { href: '/teams', label: 'Teams' }] : [{ href: '/', label: 'Home' }]} />
      <h1>{heading}</h1>
      {archived ? (
        <p>Archived teams are hidden from team lists and pickers, and their members no longer see them. Their history is kept, and an administrator can restore them.</p>
      ) : seesEveryTeam ? (
        <p>Every active team in the organisation. Open a team to see its members by role.</p>
      ) : null}

      {mayCreate && !archived ? <ButtonLink href="/teams/new">Create a team</ButtonLink> : null}

      {seesEveryTeam ? (
        <p>
          {archived ? <Link href="/teams">View active teams</Link> : <Link href="/teams?archived=1">View archived teams</Link>}
        </p>
      ) : null}

      {seesEveryTeam ? (
        <form method="get" action="/teams" role="search" aria-label="Teams">
          {archived ? <input type="hidden" name="archived" value="1" /> : null}
          <TextInput id="q" name="q" label="Search teams by name" defaultValue={search} autoComplete="off" width={20} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Search
          </button>
        </form>
      ) : null}

      {teams.total === 0 && search ? (
        <p>
          No {archived ? 'archived ' : ''}teams match “{search}”. <Link href={archived ? '/teams?archived=1' : '/teams'}>Show all {archived ? 'archived ' : ''}teams</Link>.
        </p>
      ) : teams.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {archived ? (
            <p>No teams have been archived.</p>
          ) : seesEveryTeam ? (
            <p>There are no teams yet.{mayCreate ? ' Create the first one to start adding people to it.' : ''}</p>
          ) : (
            <p>You are not in a team yet. An administrator adds people to teams: ask your team manager or an administrator to add you.</p>
          )}
        </div>
      ) : teams.items.length === 0 ? (
        <p>
          There is no page {page} of this list. <Link href={archived ? '/teams?archived=1' : '/teams'}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          <ResultCount page={teams.page} total={teams.total} pageSize={PAGE_SIZE} noun={['team', 'teams']} />
          <Table
            caption={heading}
            captionHidden
            responsive
            firstCellIsHeader
            columns={[
              { header: 'Team' },
              { header: 'Service type' },
              { header: 'Members', numeric: true },
              ...(archived ? [{ header: 'Archived' }] : []),
            ]}
            rows={teams.items.map((team) => ({
              key: team.id,
              cells: [
                <Link href={`/teams/${team.id}`} key="name">
                  {team.name}
                </Link>,
                SERVICE_TYPE_LABELS[team.serviceType],
                team._count.memberships,
                ...(archived && team.archivedAt ? [<DateTime value={team.archivedAt} dateOnly key="archived" />] : []),
              ],
            }))}
          />
          <Pagination page={teams.page} pageCount={teams.pageCount} basePath="/teams" params={params} />
        </>
      )}
    </>
  );
}

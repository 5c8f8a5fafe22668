import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkList } from '@/components/dashboards/work-list';
import { TEAM_ROLE_GROUPS } from '@/components/teams/team-roles';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { loadWorkList } from '@/lib/dashboards/load';
import { can } from '@/lib/permissions';
import { SUPERVISION_PATH } from '@/lib/supervision/paths';
import { getTeam } from '@/lib/teams/queries';
import { SERVICE_TYPE_LABELS, TEAM_ROLE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Home' };

interface QuickLink {
  href: string;
  title: string;
  description: string;
}

export default async function HomePage() {
  const user = await requireUser();
  const seesEveryTeam = can(user, 'team.list');

  const links: QuickLink[] = [];
  if (seesEveryTeam) {
    links.push({
      href: '/teams',
      title: can(user, 'team.create') ? 'Manage teams' : 'All teams',
      description: can(user, 'team.create') ? 'Create, edit and archive teams, and choose who is in each one.' : 'See every team and who is in it.',
    });
  }
  if (can(user, 'person.list')) {
    links.push({ href: '/people', title: 'Manage people', description: 'Add people, change their organisation role, send set-password links and disable accounts.' });
  }
  if (can(user, 'audit.view')) {
    links.push({ href: '/audit', title: 'Audit log', description: 'See who changed what, and when.' });
  }

  // People belong to a handful of teams: one read each, to show who is in them. What needs them now alongside (lib/dashboards/worklist.ts).
  const [teamList, work] = await Promise.all([Promise.all(user.memberships.slice(0, 20).map((membership) => getTeam(user, membership.teamId))), loadWorkList()]);
  const teams = teamList.filter((team) => team !== null);
  const roleIn = new Map(user.memberships.map((membership) => [membership.teamId, membership.role]));

  const firstName = user.name.trim().split(/\s+/u)[0] || user.name;

  return (
    <>
      <h1>Hello, {firstName}</h1>

      <section aria-labelledby="work-list">
        <h2 id="work-list">What needs you now</h2>
        {work.items.length === 0 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Nothing needs you now.</p>
            <p>
              {work.managesTeams ? (
                <>
                  Requests, tasks and anything in your teams that needs settling appear here. Meanwhile, see <Link href="/dashboards">where your teams stand</Link>.
                </>
              ) : (
                'When someone asks you to review a role, answer an expectations check, score candidates or do an onboarding task, it appears here.'
              )}
            </p>
          </div>
        ) : (
          <>
            <WorkList items={work.items} />
            {work.total > work.items.length ? <p>{work.total - work.items.length} more, after these.</p> : null}
          </>
        )}
        <ul className="nhsuk-list">
          {work.items.some((item) => item.kind === 'TASK') ? (
            <li>
              <Link href="/onboarding/tasks">See all your onboarding tasks</Link>
            </li>
          ) : null}
          {work.supervision.total > 0 ? (
            <li>
              <Link href={SUPERVISION_PATH}>See all supervision ({work.supervision.total} due soon or overdue)</Link>
            </li>
          ) : null}
          {work.items.some((item) => item.kind === 'REVIEW' || item.kind === 'CHECK') ? (
            <li>
              <Link href="/requests">See all your requests</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <h2>Your teams</h2>
      {teams.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {seesEveryTeam ? (
            <p>
              You are not a member of any team. You can still see every team in <Link href="/teams">{links[0]?.title ?? 'Teams'}</Link>.
            </p>
          ) : user.orgRole === 'SERVICE_USER_REP' ? (
            <p>You are not in a team. As a service-user representative you see only what you are invited to: if something is missing, ask the person who invited you.</p>
          ) : (
            <p>You are not in a team yet. An administrator adds people to teams: ask your team manager or an administrator to add you. Once you are in a team, it will appear here.</p>
          )}
        </div>
      ) : (
        <Table
          caption="Your teams"
          captionHidden
          responsive
          firstCellIsHeader
          columns={[{ header: 'Team' }, { header: 'Service type' }, { header: 'Your role' }, { header: 'Members' }]}
          rows={teams.map((team) => {
            const role = roleIn.get(team.id);
            return {
              key: team.id,
              cells: [
                <Link href={`/teams/${team.id}`} key="team">
                  {team.name}
                </Link>,
                SERVICE_TYPE_LABELS[team.serviceType],
                role ? TEAM_ROLE_LABELS[role] : '',
                TEAM_ROLE_GROUPS.map((group) => group.count(team.memberships.filter((m) => m.role === group.role).length)).join(', '),
              ],
            };
          })}
        />
      )}

      {links.length > 0 ? (
        <>
          <h2>Administration</h2>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {links.map((link) => (
              <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={link.href}>
                <div className="nhsuk-card nhsuk-card--clickable">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading nhsuk-heading-m">
                      <Link className="nhsuk-card__link" href={link.href}>
                        {link.title}
                      </Link>
                    </h3>
                    <p className="nhsuk-card__description">{link.description}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

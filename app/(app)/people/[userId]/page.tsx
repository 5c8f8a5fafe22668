import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadPerson, personPageTitle } from '@/lib/people/load';
import { EnablePersonForm, EndPersonSessionsForm, IssueInvitationForm, UnlockSignInForm } from '@/components/people/person-action-forms';
import { getPersonSignIn } from '@/lib/people/queries';
import { requestOrigin } from '@/lib/http/request-origin';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { requirePermission } from '@/lib/auth/load';
import { identityProviderFirstLinkedAt } from '@/lib/auth/gate';
import { ORG_ROLE_LABELS } from '@/lib/people/labels';
import { can } from '@/lib/permissions';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';
import { lookup, searchParam } from '@/lib/search-params';

type Params = Promise<{ userId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { userId } = await params;
  return { title: await personPageTitle(userId, 'person.view', (name) => name) };
}

const STATUS_MESSAGES: Record<string, string> = {
  updated: 'Details saved',
  disabled: 'Account disabled',
  enabled: 'Account re-enabled',
  unlocked: 'Sign-in unlocked',
  'signed-out': 'Signed out everywhere',
};

export default async function PersonPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { userId } = await params;
  const query = await searchParams;
  const user = await requirePermission('person.view');
  const person = await loadPerson(userId);
  if (!person) notFound();

  const isSelf = person.id === user.id;
  const disabled = person.disabledAt !== null;
  const mayUpdate = can(user, 'person.update');
  const mayDisable = can(user, 'person.disable');
  const mayInvite = can(user, 'person.invite');
  const status = lookup(STATUS_MESSAGES, searchParam(query, 'status'));
  const maySignOut = can(user, 'person.sessions.manage');
  const [signIn, linkedAt] = await Promise.all([maySignOut ? getPersonSignIn(person) : null, identityProviderFirstLinkedAt(person.id)]);
  const change = (what: string) => (mayUpdate ? [{ href: `/people/${person.id}/edit`, label: 'Change', visuallyHiddenText: what }] : undefined);

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: disabled ? '/people?status=disabled' : '/people', label: 'People' }]} />
      {status ? <NotificationBanner type="success" heading={status} /> : null}

      <h1>
        {person.name}
        {disabled ? (
          <>
            {' '}
            <Tag colour="grey" className="nhsuk-u-font-size-19">
              Account disabled
            </Tag>
          </>
        ) : null}
      </h1>
      {isSelf ? <p className="nhsuk-u-secondary-text-colour">This is your account.</p> : null}

      <SummaryList
        rows={[
          { key: 'Full name', value: person.name, actions: change('full name') },
          { key: 'Email address', value: <span className="nhsuk-u-text-break-word">{person.email}</span>, actions: change('email address') },
          { key: 'Job title', value: person.jobTitle || <span className="nhsuk-u-secondary-text-colour">Not recorded</span>, actions: change('job title') },
          { key: 'Organisation role', value: ORG_ROLE_LABELS[person.orgRole], actions: change('organisation role') },
          {
            key: 'Account',
            value: disabled && person.disabledAt ? (
              <>
                Disabled on <DateTime value={person.disabledAt} dateOnly />
              </>
            ) : (
              'Active'
            ),
          },
          {
            key: 'How they sign in',
            value: (
              <>
                {person.hasPassword ? <p className="nhsuk-body nhsuk-u-margin-bottom-1">With a password</p> : null}
                {linkedAt ? (
                  <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                    With their organisation account, first on <DateTime value={linkedAt} />
                  </p>
                ) : null}
                {!person.hasPassword && !linkedAt ? <p className="nhsuk-body nhsuk-u-margin-bottom-1">Not yet: they have not set a password or signed in with their organisation account</p> : null}
              </>
            ),
          },
        ]}
      />

      <h2>Teams</h2>
      {person.memberships.length === 0 ? (
        <p>
          Not in any team. To add them, open the team’s page from <Link href="/teams">Teams</Link> and choose “Add a member”.
        </p>
      ) : (
        <Table
          caption="Teams"
          captionHidden
          responsive
          firstCellIsHeader
          columns={[{ header: 'Team' }, { header: 'Role in the team' }]}
          rows={person.memberships.map((membership) => ({
            key: membership.id,
            cells: [
              <span key="team">
                <Link href={`/teams/${membership.team.id}`}>{membership.team.name}</Link>
                {membership.team.archivedAt ? (
                  <>
                    {' '}
                    <Tag colour="grey">Archived team</Tag>
                  </>
                ) : null}
              </span>,
              TEAM_ROLE_LABELS[membership.role],
            ],
          }))}
        />
      )}

      {signIn && !disabled ? (
        <>
          <h2>Signing in</h2>
          {signIn.lockedUntil ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Sign-in paused
                </span>
              </h3>
              <p>
                After 5 failed attempts, signing in to this account is paused until <DateTime value={signIn.lockedUntil} />. If they are sure it was them, unlock it now. A
                set-password link they use also unlocks it.
              </p>
              <UnlockSignInForm userId={person.id} />
            </div>
          ) : null}
          <p>
            {signIn.activeSessions === 0
              ? 'They are not signed in anywhere.'
              : `They are signed in on ${signIn.activeSessions === 1 ? 'one browser or device' : `${signIn.activeSessions} browsers or devices`}.`}
          </p>
          {signIn.activeSessions > 0 && !isSelf ? <EndPersonSessionsForm userId={person.id} /> : null}
        </>
      ) : null}

      {mayInvite && !disabled ? (
        <>
          <h2>Set-password link</h2>
          <p>
            {person.hasPassword
              ? 'They have already set a password. If they have forgotten it, create a new link: they can use it to choose a new password.'
              : 'If they have lost their link or it has expired, create a new one.'}{' '}
            Creating a link stops any earlier one from working.
          </p>
          <IssueInvitationForm userId={person.id} personName={person.name} serverOrigin={await requestOrigin()} label="Create a new set-password link" />
        </>
      ) : null}

      {mayDisable ? (
        disabled ? (
          <>
            <h2>Re-enable account</h2>
            <p>They will be able to sign in again{person.hasPassword ? ' with their password' : ''}. Any set-password link they had stopped working when the account was disabled{mayInvite ? ', so you may need to create a new one' : ''}.</p>
            <EnablePersonForm userId={person.id} version={person.version} />
          </>
        ) : isSelf ? null : (
          <>
            <h2>Disable account</h2>
            <p>Disable the account of someone who has left or no longer needs access. Their history and team memberships are kept.</p>
            <ButtonLink href={`/people/${person.id}/disable`} variant="secondary">
              Disable account
            </ButtonLink>
          </>
        )
      ) : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentSession, requirePermission } from '@/lib/auth/load';
import { SESSION_IDLE_MS, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';
import { countOtherSessions } from '@/lib/people/queries';
import { lookup, searchParam, type SearchParams as Query } from '@/lib/search-params';
import { EndOtherSessionsForm } from '@/components/account/end-other-sessions-form';
import { ORG_ROLE_LABELS } from '@/lib/people/labels';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { DELIVERY_CHOICES } from '@/lib/notifications/labels';
import { getEmailPreference } from '@/lib/notifications/load';
import { MUTABLE_KINDS } from '@/lib/notifications/rules';

export const metadata: Metadata = { title: 'My account' };

const UPDATES = {
  name: 'Your name has been changed',
  password: 'Your password has been changed. Any other sessions have been signed out',
  sessions: 'You have been signed out of your other sessions',
  notifications: 'Your email notifications have been changed',
};

type SearchParams = Promise<Query>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('account.update');
  const message = lookup(UPDATES, searchParam(await searchParams, 'updated'));
  const session = await getCurrentSession();
  const [otherSessions, emailPreference] = await Promise.all([session.user ? countOtherSessions(user.id, session.sessionId) : 0, getEmailPreference(user.id)]);
  const muted = emailPreference.mutedKinds.length;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {message ? (
          <NotificationBanner success>
            <p className="nhsuk-notification-banner__heading">{message}</p>
          </NotificationBanner>
        ) : null}
        <h1>My account</h1>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Name</dt>
            <dd className="nhsuk-summary-list__value">{user.name}</dd>
            <dd className="nhsuk-summary-list__actions">
              <Link className="nhsuk-link" href="/account/name">
                Change<span className="nhsuk-u-visually-hidden"> name</span>
              </Link>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
            <dt className="nhsuk-summary-list__key">Email address</dt>
            <dd className="nhsuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
            <dt className="nhsuk-summary-list__key">Job title</dt>
            <dd className="nhsuk-summary-list__value">{user.jobTitle || 'Not recorded'}</dd>
          </div>
          <div className="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
            <dt className="nhsuk-summary-list__key">Organisation role</dt>
            <dd className="nhsuk-summary-list__value">{ORG_ROLE_LABELS[user.orgRole]}</dd>
          </div>
          <div className="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
            <dt className="nhsuk-summary-list__key">Teams</dt>
            <dd className="nhsuk-summary-list__value">
              {user.memberships.length === 0 ? (
                'Not a member of any team'
              ) : (
                <ul className="nhsuk-list">
                  {user.memberships.map((membership) => (
                    <li key={membership.teamId}>
                      {membership.team.name}: {TEAM_ROLE_LABELS[membership.role].toLowerCase()}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Password</dt>
            <dd className="nhsuk-summary-list__value">
              <span className="nhsuk-u-visually-hidden">Hidden</span>
              <span aria-hidden="true">••••••••••••</span>
            </dd>
            <dd className="nhsuk-summary-list__actions">
              <Link className="nhsuk-link" href="/account/password">
                Change<span className="nhsuk-u-visually-hidden"> password</span>
              </Link>
            </dd>
          </div>
        </dl>
        <p>An administrator changes your email address, job title, roles and teams. Ask one if any of these are wrong.</p>

        <h2>Email notifications</h2>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Emails</dt>
            <dd className="nhsuk-summary-list__value">
              {DELIVERY_CHOICES[emailPreference.delivery].label}
              <br />
              {muted === 0 ? 'About every request' : `About ${MUTABLE_KINDS.length - muted} of ${MUTABLE_KINDS.length} kinds of request`}
            </dd>
            <dd className="nhsuk-summary-list__actions">
              <Link className="nhsuk-link" href="/account/notifications">
                Change<span className="nhsuk-u-visually-hidden"> email notifications</span>
              </Link>
            </dd>
          </div>
        </dl>

        <h2>Where you are signed in</h2>
        {otherSessions === 0 ? (
          <p>You are not signed in anywhere else.</p>
        ) : (
          <>
            <p>
              You are also signed in on {otherSessions === 1 ? 'one other browser or device' : `${otherSessions} other browsers or devices`}. If that was not you, sign
              them out and change your password.
            </p>
            <EndOtherSessionsForm />
          </>
        )}
        <p className="nhsuk-u-secondary-text-colour">You are signed out after {SESSION_IDLE_MS / 60_000} minutes without using PeerRoles, and {SESSION_MAX_AGE_SECONDS / 3600} hours after signing in.</p>
      </div>
    </div>
  );
}

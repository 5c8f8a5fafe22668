import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CheckResults } from '@/components/expectations/check-results';
import { CloseCheckForm } from '@/components/expectations/close-check-form';
import { STAKEHOLDER_SINGULAR } from '@/components/expectations/labels';
import { loadCheck } from '@/lib/expectations/load';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { checkPath, sectionPath, rolePath, versionPath } from '@/components/roles/paths';
import { ExpectationsQuestionnaire } from '@/components/expectations/questionnaire';
import { ResultsNotShared, resultsSharedWhen } from '@/components/expectations/results-not-shared';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { sectionTitle } from '@/lib/roles/rules';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; checkId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Whether this person sees the questions rather than the results. */
function answering(check: NonNullable<Awaited<ReturnType<typeof loadCheck>>['check']>, query: Record<string, string | string[] | undefined>): boolean {
  if (!check.me || check.closedAt || query.view === 'results') return false;
  return !check.me.submittedAt || query.answer === '1';
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { teamId, roleId, checkId } = await params;
  const { access, check } = await loadCheck(teamId, roleId, checkId);
  if (!access || !check) return { title: 'Page not found' };
  return { title: answering(check, await searchParams) ? `What do you expect of the ${access.role.title} role?` : `Expectations check – ${access.role.title}` };
}

export default async function ExpectationCheckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId, roleId, checkId } = await params;
  const query = await searchParams;
  const { user, access, check } = await loadCheck(teamId, roleId, checkId);
  if (!access || !check) notFound();

  const { role } = access;
  const here = checkPath(teamId, roleId, check.id);
  const archived = role.team.archivedAt !== null;
  // Only activities still in the catalogue are asked about; removed ones keep their answers in the results.
  const questions = check.activities.filter((activity) => activity.archivedAt === null);

  if (answering(check, query) && check.me && questions.length === 0) {
    return (
      <>
        <RoleBreadcrumbs user={user} access={access} />
        <h1>There is nothing to answer yet</h1>
        <p>The catalogue of activities for this check is empty. Ask {check.createdBy} or an administrator to add activities, then come back to answer.</p>
      </>
    );
  }

  if (answering(check, query) && check.me) {
    const changing = check.me.submittedAt !== null;
    return (
      <>
        <RoleBreadcrumbs user={user} access={access} />
        {query.status === 'sent' && access.canDraft ? (
          // The sender asked themselves too: confirm the sending, then ask for their own answers.
          <NotificationBanner type="success" heading={`Expectations check sent to ${check.counts.invited} ${check.counts.invited === 1 ? 'person' : 'people'}`}>
            <p>They will see it in their requests. You were included, so your own answers come first.</p>
          </NotificationBanner>
        ) : null}
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <ExpectationsQuestionnaire
              checkId={check.id}
              activities={questions.map(({ id, name, description, teamId: ownTeam }) => ({ id, name, description, teamId: ownTeam }))}
              previousAnswers={check.me.answers}
              successHref={`${here}?status=answered`}
              cancelHref={changing ? here : undefined}
            >
              <PageHeading caption={<>{role.title}, {role.team.name}</>}>
                What do you expect of this role?
              </PageHeading>
              <p>
                {check.createdBy} has asked you, as {check.me.group === 'HR' ? 'HR' : `a ${STAKEHOLDER_SINGULAR[check.me.group]}`}, what you expect a peer worker in this role to
                do. For each activity, say whether it is a core part of the role, something they do sometimes, or not part of the role.
              </p>
              <p>
                There are no right answers. The answers show where people expect different things, so that the team can settle those differences in the role description before
                anyone is recruited.
              </p>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  The team&apos;s managers see each person&apos;s answers. Everyone else who takes part sees only how each group answered, not who said what, and nothing of
                  a group where fewer than {SMALL_GROUP_THRESHOLD} people answered.
                </p>
                <p>
                  {resultsSharedWhen(access.canDraft ? 'you' : check.createdBy)} Until then you can change your answers; after that, nobody can.
                </p>
              </div>
              <p>
                There are {questions.length} activities. {changing ? 'Your earlier answers are filled in: change any you want to.' : 'It takes about 5 minutes.'}
              </p>
              {access.canDraft && !changing ? (
                <p>
                  <Link href={`${here}?view=results`}>See the results so far without answering</Link>
                </p>
              ) : null}
            </ExpectationsQuestionnaire>
          </div>
        </div>
      </>
    );
  }

  const status = typeof query.status === 'string' ? query.status : undefined;
  const settledActivity = status === 'settled' && typeof query.activity === 'string' ? check.activities.find((activity) => activity.id === query.activity) : undefined;
  const stillToAnswer = check.me && !check.me.submittedAt && !check.closedAt;
  const agreedNumber = typeof query.agreed === 'string' && /^\d{1,6}$/u.test(query.agreed) ? Number(query.agreed) : null;

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} />

      {status === 'answered' && check.me?.submittedAt ? (
        <NotificationBanner type="success" heading="Thank you: your answers have been saved">
          <p>
            {check.resultsShown ? 'Below is how each group has answered so far. ' : `${resultsSharedWhen(check.createdBy)} `}You can change your answers until the check closes.
          </p>
        </NotificationBanner>
      ) : status === 'closed' && access.canDraft && check.closedAt ? (
        <NotificationBanner type="success" heading="Expectations check closed">
          <p>Everyone who took part can now see the results, and nobody can change their answers.</p>
          {agreedNumber ? <NowAgreed href={versionPath(teamId, roleId, agreedNumber)} number={agreedNumber} /> : null}
        </NotificationBanner>
      ) : status === 'sent' && access.canDraft ? (
        <NotificationBanner type="success" heading={`Expectations check sent to ${check.counts.invited} ${check.counts.invited === 1 ? 'person' : 'people'}`}>
          <p>They will see it in their requests. Results appear here as they answer; they see the results once you close the check.</p>
        </NotificationBanner>
      ) : settledActivity?.resolution ? (
        <NotificationBanner type="success" heading={`You recorded how “${settledActivity.name}” was settled`}>
          <p>
            Next, make sure the role description says so:{' '}
            <Link className="nhsuk-notification-banner__link" href={sectionPath(teamId, roleId, settledActivity.resolution.section)}>
              edit “{sectionTitle(settledActivity.resolution.section)}” in the draft
            </Link>
            .
          </p>
          {agreedNumber ? <NowAgreed href={versionPath(teamId, roleId, agreedNumber)} number={agreedNumber} /> : null}
        </NotificationBanner>
      ) : null}

      {check.closedAt && status !== 'closed' ? (
        <NotificationBanner heading="This expectations check is closed">
          <p>
            It closed on <DateTime value={check.closedAt} dateOnly />: its results are shared with everyone who took part, and nobody can change their answers.{' '}
            {check.me && !check.me.submittedAt ? 'It closed before you answered. ' : ''}
            <Link className="nhsuk-notification-banner__link" href={rolePath(teamId, roleId)}>
              Go to the role
            </Link>
          </p>
        </NotificationBanner>
      ) : null}

      <PageHeading caption={role.title}>
        Expectations check
      </PageHeading>
      <p>
        Sent by {check.createdBy} on <DateTime value={check.createdAt} dateOnly />
        {check.closedAt ? '' : ` to ${check.counts.invited} ${check.counts.invited === 1 ? 'person' : 'people'}`}.
      </p>

      {stillToAnswer ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You have been asked too, and have not answered yet. <Link href={here}>Answer the expectations check</Link>
          </p>
        </div>
      ) : check.me?.submittedAt && !check.closedAt ? (
        <p>
          You answered on <DateTime value={check.me.submittedAt} dateOnly />. <Link href={`${here}?answer=1`}>Change your answers</Link>
        </p>
      ) : null}

      {check.resultsShown ? <CheckResults check={check} teamId={teamId} roleId={roleId} canDraft={access.canDraft} /> : <ResultsNotShared check={check} />}

      {access.canDraft && !archived && !check.closedAt ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">Close the check</h2>
          <p>
            While the check is open, only the team&apos;s managers see its results. Everyone else who took part sees them once you close it and their answers can no longer
            change. Close it when the people you are waiting for have answered.
          </p>
          <p>
            The agreement policy reads the role&apos;s latest closed check that people from at least 2 groups answered. Only until there is one does it read this open check.
          </p>
          <CloseCheckForm teamId={teamId} roleId={roleId} checkId={check.id} />
        </section>
      ) : null}

      {access.canDraft && !archived ? (
        <>
          <h2>Ask again</h2>
          <p>
            {check.closedAt
              ? 'To ask about the role again, for example after changing the description, send a new check.'
              : 'To ask more people, or to ask again after changing the description, send a new check. It closes this one, sharing its results, and everyone you choose answers afresh.'}
          </p>
          <ButtonLink href={`${rolePath(teamId, roleId)}/expectations/new`} variant="secondary">
            Send a new expectations check
          </ButtonLink>
        </>
      ) : null}
    </>
  );
}

/** In a success banner: the change just made was the last thing the agreement policy needed. */
function NowAgreed({ href, number }: { href: string; number: number }) {
  return (
    <p>
      That was the last thing the agreement policy needed:{' '}
      <Link className="nhsuk-notification-banner__link" href={href}>
        version {number}
      </Link>{' '}
      is now Agreed.
    </p>
  );
}

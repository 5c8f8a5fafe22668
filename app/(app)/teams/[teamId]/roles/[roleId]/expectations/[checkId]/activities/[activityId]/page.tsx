import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GroupAnswersTable, IndividualAnswers } from '@/components/expectations/group-answers-table';
import { agreementScoreText } from '@/components/expectations/labels';
import { loadCheck } from '@/lib/expectations/load';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { checkPath } from '@/components/roles/paths';
import { ResolveContestedForm } from '@/components/expectations/resolve-contested-form';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { OUTCOME_LABELS } from '@/lib/expectations/schemas';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; checkId: string; activityId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, checkId, activityId } = await params;
  const { user, access, check } = await loadCheck(teamId, roleId, checkId);
  if (!can(user, 'role.draft', { teamId })) return { title: 'You do not have permission to view this page' };
  const activity = check?.activities.find((row) => row.id === activityId);
  return { title: access && activity ? `How “${activity.name}” was settled – ${access.role.title}` : 'Page not found' };
}

export default async function ResolveContestedPage({ params }: { params: Params }) {
  const { teamId, roleId, checkId, activityId } = await params;
  await requirePermission('role.draft', { teamId });
  const { user, access, check } = await loadCheck(teamId, roleId, checkId);
  if (!access || !access.canDraft || !check) notFound();
  const activity = check.activities.find((row) => row.id === activityId);
  if (!activity) notFound();

  const back = checkPath(teamId, roleId, check.id);
  const heading = (
    <PageHeading caption={activity.name}>
      How was this settled?
    </PageHeading>
  );
  const answers = (
    <>
      {activity.description ? <p>{activity.description}</p> : null}
      <GroupAnswersTable groups={activity.groups} caption="How each group answered" />
      <p>
        <strong>Agreement score:</strong> {agreementScoreText(activity.agreementScore)}
      </p>
      {activity.individual ? <IndividualAnswers answers={activity.individual} activityName={activity.name} /> : null}
    </>
  );

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} extra={[{ href: back, label: 'Expectations check' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {!activity.contested ? (
            <>
              {heading}
              <p>
                {activity.resolution
                  ? `“${activity.name}” is no longer contested: the answers changed after it was settled (${OUTCOME_LABELS[activity.resolution.outcome].toLowerCase()}).`
                  : `“${activity.name}” is not contested in this check, so there is nothing to settle.`}{' '}
                <Link href={back}>Go back to the expectations check</Link>
              </p>
              {answers}
            </>
          ) : (
            <ResolveContestedForm
              checkId={check.id}
              activityId={activity.id}
              activityName={activity.name}
              previous={activity.resolution ? { outcome: activity.resolution.outcome, section: activity.resolution.section, note: activity.resolution.note } : null}
              successHref={`${back}?status=settled&activity=${activity.id}#activity-${activity.id}`}
              cancelHref={`${back}#activity-${activity.id}`}
            >
              {heading}
              {answers}
              <p>Record what you decided and which section of the role description you changed, so that reviewers can see how the difference was settled.</p>
            </ResolveContestedForm>
          )}
        </div>
      </div>
    </>
  );
}

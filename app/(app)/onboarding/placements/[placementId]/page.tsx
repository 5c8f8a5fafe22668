import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PlacementChanges, RemovedTasks } from '@/components/onboarding/placement-history';
import { OnboardingTaskList } from '@/components/onboarding/task-list';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { CONTRACT_LABELS, describeWorkingDays, PLAN_REASON_LABELS } from '@/lib/onboarding/labels';
import { loadPlacement } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ placementId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { detail } = await loadPlacement((await params).placementId);
  return { title: detail ? `${detail.placement.name} – Onboarding` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  started: 'Placement started. Everyone who owes a task in the plan has been told by email.',
  changed: 'Placement changed. The change is kept in its history below.',
  ended: 'Placement ended. Its plan and history are kept as they were.',
  parity: 'Parity issue accepted. It shows again if the facts behind it change.',
  'task-added': 'Task added to the plan. Whoever does it has been told by email.',
  'task-removed': 'Task removed. It stays in the plan’s history below.',
};

/**
 * A peer worker's placement: their arrangements, where those are not on a par
 * with the team's, the onboarding plan as the NHS "complete multiple tasks"
 * pattern, and the history of changes and removed tasks.
 */
export default async function PlacementPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { placementId } = await params;
  const { detail } = await loadPlacement(placementId);
  if (!detail) notFound();
  const { access, placement, parity, plans, progress } = detail;
  const { canView, canSeePlan, canManage, canAcceptParity, isPeerWorker } = access;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const path = placementPath(placement.id);
  const current = !placement.endedAt;
  // Accepted issues that still hold: the facts are as they were when accepted (otherwise the issue is open again).
  const accepted = parity
    ? parity.issues.flatMap((issue) => {
        const acceptance = parity.open.some((open) => open.key === issue.key) ? undefined : parity.acceptances.find((candidate) => candidate.key === issue.key);
        return acceptance ? [{ issue, acceptance }] : [];
      })
    : [];
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/onboarding', label: 'Onboarding' }]} />
      <PageHeading caption={`${placement.teamName}: ${placement.roleTitle}`}>{isPeerWorker ? 'Your placement' : placement.name}</PageHeading>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {placement.endedAt ? (
        <InsetText>
          <p>
            This placement ended on <DateTime value={placement.endedAt} dateOnly />. Its plan and history are kept as they were.
          </p>
        </InsetText>
      ) : null}

      {canSeePlan && progress.total > 0 ? (
        <p className="nhsuk-body-l">
          {progress.completed} of {progress.total} tasks completed
          {progress.overdue > 0 ? (
            <>
              {' '}
              <Tag colour="red">{progress.overdue} overdue</Tag>
            </>
          ) : null}
        </p>
      ) : null}

      {canManage && current ? (
        <ul className="nhsuk-list">
          <li>
            <Link href={`${path}/change`}>Change arrangements</Link>
          </li>
          <li>
            <Link href={`${path}/tasks/new`}>Add a task</Link>
          </li>
          <li>
            <Link href={`${path}/end`}>End placement</Link>
          </li>
        </ul>
      ) : null}

      {canView ? (
        <section aria-labelledby="arrangements">
          <h2 id="arrangements">Working arrangements</h2>
          {canManage && current && placement.newerAgreedVersion !== null ? (
            <p>
              The team has agreed version {placement.newerAgreedVersion} of the role since. <Link href={`${path}/change`}>Move the placement to it</Link>.
            </p>
          ) : null}
          <SummaryList
            rows={[
              ...(isPeerWorker ? [] : [{ key: 'Peer worker', value: placement.name }]),
              { key: 'Role', value: `${placement.roleTitle}, agreed version ${placement.versionNumber}` },
              { key: 'Start date', value: <DateTime value={placement.startDate} dateOnly /> },
              { key: 'Contract', value: CONTRACT_LABELS[placement.contractType] },
              { key: 'Band', value: placement.band === null ? 'No band' : `Band ${placement.band}` },
              { key: 'Hours per week', value: String(placement.hoursPerWeek) },
              { key: 'Working days', value: describeWorkingDays(placement.workingDays) },
              { key: 'Line manager', value: placement.lineManager ?? 'Nobody named' },
              { key: 'Peer supervisor', value: placement.peerSupervisor ?? 'Nobody named' },
            ]}
          />
        </section>
      ) : null}

      {canView && parity ? (
        <section aria-labelledby="parity">
          <h2 id="parity">Parity with the team</h2>
          <p>Where the arrangements could keep {isPeerWorker ? 'you' : 'the peer worker'} lower than colleagues: team meetings on days off, systems colleagues have, a contract, band or hours below what the agreed role says, no peer supervisor.</p>
          {parity.open.length === 0 ? (
            <p>No parity issues are open.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--border">
              {parity.open.map((issue) => (
                <li key={issue.key}>
                  <Tag colour="orange">To resolve</Tag> {issue.message}
                  {canAcceptParity ? (
                    <>
                      {' '}
                      <Link href={`${path}/parity/${encodeURIComponent(issue.key)}`}>
                        Accept with a reason<span className="nhsuk-u-visually-hidden">: {issue.message}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {parity.open.length > 0 && !canAcceptParity ? <p>The team’s manager or the line manager resolves these, or accepts them with a reason.</p> : null}
          {accepted.length > 0 ? (
            <>
              <h3>Accepted</h3>
              <ul className="nhsuk-list nhsuk-list--border">
                {accepted.map(({ issue, acceptance }) => (
                  <li key={issue.key}>
                    <p className="nhsuk-u-margin-bottom-1">{issue.message}</p>
                    <p className="nhsuk-u-margin-bottom-1">
                      Accepted by {acceptance.acceptedBy.name} on <DateTime value={acceptance.createdAt} dateOnly />: {acceptance.reason}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {canSeePlan ? (
        <section aria-labelledby="plan">
          <h2 id="plan">Onboarding plan</h2>
          {plans.length === 0 ? (
            <p>This placement has no plan.</p>
          ) : plans.length === 1 ? (
            <>
              {plans[0].templateName ? <p>From the template “{plans[0].templateName}”.</p> : null}
              {plans[0].tasks.length === 0 ? <p>Every task has been removed from the plan.</p> : null}
              <OnboardingTaskList tasks={plans[0].tasks} headingLevel={3} idPrefix="plan-1" />
            </>
          ) : (
            plans.map((plan, index) => (
              <section key={plan.id} aria-labelledby={`plan-${index + 1}`}>
                <h3 id={`plan-${index + 1}`}>
                  {PLAN_REASON_LABELS[plan.reason]}, started <DateTime value={plan.createdAt} dateOnly />
                </h3>
                {plan.templateName ? <p>From the template “{plan.templateName}”.</p> : null}
                {plan.tasks.length === 0 ? <p>Every task has been removed from this plan.</p> : <OnboardingTaskList tasks={plan.tasks} headingLevel={4} idPrefix={`plan-${index + 1}`} />}
              </section>
            ))
          )}
        </section>
      ) : null}

      {canView || canSeePlan ? (
        <section aria-labelledby="history">
          <h2 id="history">History</h2>
          {canView ? (
            <>
              <h3>Changes to the arrangements</h3>
              <PlacementChanges changes={detail.changes} names={detail.names} versionNumbers={detail.versionNumbers} />
            </>
          ) : null}
          {canSeePlan ? (
            <>
              <h3>Tasks removed from the plan</h3>
              <RemovedTasks tasks={detail.removedTasks} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

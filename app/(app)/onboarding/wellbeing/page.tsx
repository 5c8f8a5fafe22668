import type { Metadata } from 'next';
import Link from 'next/link';
import { StopSharingForm } from '@/components/onboarding/wellbeing-button-forms';
import { WellbeingPlanForm } from '@/components/onboarding/wellbeing-plan-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { sharedWellbeingPath, WELLBEING_PATH } from '@/lib/onboarding/paths';
import { loadOwnWellbeing } from '@/lib/onboarding/wellbeing-queries';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'My wellbeing plan' };

const SAVED: Record<string, string> = {
  shared: 'Your wellbeing plan is shared. They can read it from their next page.',
  stopped: 'You have stopped sharing your wellbeing plan. They can no longer read it.',
};

/** The signed-in person's own wellbeing plan, who they share it with, and the plans others share with them. */
export default async function WellbeingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { plan, sharedWithMe } = await loadOwnWellbeing(user);
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const shares = plan?.shares ?? [];
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/onboarding', label: 'Onboarding' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>My wellbeing plan</h1>
          {saved ? (
            <div className="nhsuk-inset-text" role="status">
              <p>{saved}</p>
            </div>
          ) : null}
          <p>A wellbeing plan helps you and the people you choose to notice when work is becoming hard for you, and agree what helps. Write as much or as little as you like.</p>
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Only you can see your plan, and the people you choose to share it with. Your manager, HR and administrators cannot see it unless you share it with them. You can stop sharing it at any time.</p>
          </div>
          {plan ? (
            <p className="nhsuk-body-s">
              Last changed <DateTime value={plan.updatedAt} />
            </p>
          ) : null}
          <WellbeingPlanForm plan={plan ? { keepsMeWell: plan.keepsMeWell, earlySigns: plan.earlySigns, whatHelps: plan.whatHelps, whoToContact: plan.whoToContact, version: plan.version } : null} />

          <h2>Who can see your plan</h2>
          {!plan ? (
            <p>Save your plan first. Then you can choose who to share it with.</p>
          ) : shares.length === 0 ? (
            <p>You have not shared your plan with anyone. Only you can see it.</p>
          ) : (
            <Table
              caption="People your wellbeing plan is shared with"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Name' }, { header: 'Shared since' }, { header: 'Action' }]}
              rows={shares.map((share) => ({
                key: share.id,
                cells: [
                  share.sharedWith.name,
                  <DateTime key="since" value={share.createdAt} dateOnly />,
                  <StopSharingForm key={share.id} shareId={share.id} name={share.sharedWith.name} />,
                ],
              }))}
            />
          )}
          {plan ? (
            <ButtonLink href={`${WELLBEING_PATH}/share`} variant="secondary">
              Share your plan with someone
            </ButtonLink>
          ) : null}

          <h2>Plans shared with you</h2>
          {sharedWithMe.length === 0 ? (
            <p>Nobody has shared their wellbeing plan with you.</p>
          ) : (
            <>
              <p>These people chose to share their wellbeing plan with you. Keep what they wrote to yourself.</p>
              <ul className="nhsuk-list">
                {sharedWithMe.map((share) => (
                  <li key={share.shareId}>
                    <Link href={sharedWellbeingPath(share.userId)}>{share.name}’s wellbeing plan</Link>, shared with you since <DateTime value={share.since} dateOnly />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { WellbeingPlanView } from '@/components/onboarding/wellbeing-plan-view';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { requireUser } from '@/lib/auth/load';
import { WELLBEING_PATH } from '@/lib/onboarding/paths';
import { loadSharedWellbeingPlan } from '@/lib/onboarding/wellbeing-queries';

type Params = Promise<{ userId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const plan = await loadSharedWellbeingPlan(await requireUser(), (await params).userId);
  return { title: plan ? `${plan.user.name}’s wellbeing plan` : 'Page not found' };
}

/**
 * Someone else's wellbeing plan, only while they share it with the viewer:
 * checked in the database on every request, so a share stopped a moment ago
 * finds nothing. Not found for everyone else, whatever their role.
 */
export default async function SharedWellbeingPlanPage({ params }: { params: Params }) {
  const { userId } = await params;
  const user = await requireUser();
  if (userId === user.id) redirect(WELLBEING_PATH);
  const plan = await loadSharedWellbeingPlan(user, userId);
  if (!plan) notFound();
  const since = plan.shares[0]?.createdAt;
  return (
    <>
      <BackLink href={WELLBEING_PATH}>Back to my wellbeing plan</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{plan.user.name}’s wellbeing plan</h1>
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {plan.user.name} chose to share this with you{since ? (
                <>
                  {' '}
                  on <DateTime value={since} dateOnly />
                </>
              ) : null}
              . Only they, you and anyone else they chose can read it, and they can stop sharing it at any time. Keep what it says to yourself unless they ask otherwise.
            </p>
          </div>
          <p className="nhsuk-body-s">
            Last changed <DateTime value={plan.updatedAt} />
          </p>
          <WellbeingPlanView plan={plan} />
        </div>
      </div>
    </>
  );
}

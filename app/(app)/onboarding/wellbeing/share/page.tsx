import type { Metadata } from 'next';
import Link from 'next/link';
import { WellbeingShareForm } from '@/components/onboarding/wellbeing-share-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { WELLBEING_PATH } from '@/lib/onboarding/paths';
import { loadOwnWellbeing } from '@/lib/onboarding/wellbeing-queries';

export const metadata: Metadata = { title: 'Share your wellbeing plan' };

export default async function ShareWellbeingPage() {
  const user = await requireUser();
  const { plan } = await loadOwnWellbeing(user);
  return (
    <>
      <BackLink href={WELLBEING_PATH}>Back to my wellbeing plan</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Share your wellbeing plan</h1>
          {plan ? (
            <>
              <p>The person you choose can read your whole plan, as it is now and as you change it, until you stop sharing it. They cannot change it.</p>
              <p>You might share it with your peer supervisor, your line manager, or a colleague you trust. It is your choice: nobody can see it otherwise.</p>
              <WellbeingShareForm />
            </>
          ) : (
            <p>
              You have not written a wellbeing plan yet. <Link href={WELLBEING_PATH}>Write your plan</Link> first, then choose who to share it with.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

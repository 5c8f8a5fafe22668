import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/load';
import { NameForm } from '@/components/account/name-form';
import { BackLink } from '@/components/ui/back-link';

export const metadata: Metadata = { title: 'Change your name' };

export default async function ChangeNamePage() {
  const user = await requirePermission('account.update');
  return (
    <>
      <BackLink href="/account">Back to my account</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <NameForm name={user.name} version={user.version} />
        </div>
      </div>
    </>
  );
}

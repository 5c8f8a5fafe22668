import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/load';
import { NewPasswordHint } from '@/components/auth/password-hint';
import { PasswordForm } from '@/components/account/password-form';
import { BackLink } from '@/components/ui/back-link';

export const metadata: Metadata = { title: 'Change your password' };

export default async function ChangePasswordPage() {
  const user = await requirePermission('account.update');
  return (
    <>
      <BackLink href="/account">Back to my account</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PasswordForm email={user.email} passwordHint={<NewPasswordHint />} />
        </div>
      </div>
    </>
  );
}

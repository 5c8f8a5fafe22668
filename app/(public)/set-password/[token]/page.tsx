import type { Metadata } from 'next';
import { findUsableInvitation } from '@/lib/auth/invitations';
import { NewPasswordHint } from '@/components/auth/password-hint';
import { SetPasswordForm } from '@/components/auth/set-password-form';

export const metadata: Metadata = {
  title: 'Set your password',
  // The token in the address is a credential: Referer headers from this page carry only the origin.
  // ('no-referrer' would also make browsers send "Origin: null" with the form post, which Next refuses.)
  referrer: 'strict-origin',
};

/**
 * The page behind a one-time link from an administrator. The form component
 * also says when the link cannot be used: after a plain form post (no
 * JavaScript) this page renders again with the link already used, and the form
 * must still show the confirmation.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SetPasswordForm token={token} email={invitation?.user.email ?? null} passwordHint={<NewPasswordHint />} />
      </div>
    </div>
  );
}

'use client';

import { ActionButtonForm } from '@/components/ui/action-button-form';
import { endMyOtherSessions } from '@/lib/account/actions';
import { endOtherSessionsSchema } from '@/lib/account/schemas';

/** "Sign out of all other sessions": this browser stays signed in. */
export function EndOtherSessionsForm() {
  return (
    <ActionButtonForm
      schema={endOtherSessionsSchema}
      action={endMyOtherSessions}
      values={{}}
      label="Sign out of all other sessions"
      variant="secondary"
      successHref={() => '/account?updated=sessions'}
      successMessage="You have been signed out of your other sessions"
    />
  );
}

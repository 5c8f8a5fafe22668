'use client';

import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

/**
 * Signs out through next-auth. With JavaScript, next-auth/react posts to
 * /api/auth/signout and the browser then loads /sign-in in full, so nothing from
 * the signed-in session stays in the client-side router cache. Without
 * JavaScript the form posts the same request itself.
 */
export function SignOutButton({ csrfToken }: { csrfToken?: string }) {
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    setPending(true);
    try {
      await signOut({ redirect: false });
      // A full page load on purpose: nothing from the signed-in session may stay in the router cache.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/sign-in');
    } catch {
      // Fall back to the plain form post rather than leave the person signed in.
      form.submit();
    }
  }

  return (
    <form className="nhsuk-header__account-form" action="/api/auth/signout" method="post" noValidate onSubmit={handleSubmit}>
      {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
      <input type="hidden" name="callbackUrl" value="/sign-in" />
      <button className="nhsuk-header__account-button" type="submit" disabled={pending} aria-disabled={pending || undefined}>
        Sign out
      </button>
    </form>
  );
}

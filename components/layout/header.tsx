import { cookies } from 'next/headers';
import type { CurrentUser } from '@/lib/auth/load';
import { HeaderService } from '@/components/layout/header-service';
import { NavigationLink } from '@/components/layout/navigation-link';
import { navigationFor } from '@/components/layout/navigation';
import { SignOutButton } from '@/components/layout/sign-out-button';

const USER_ICON_PATH =
  'M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z';

/**
 * next-auth's CSRF token, for signing out without JavaScript. The cookie holds
 * "token|hash" and is set when the person signed in; without it the JavaScript
 * sign-out still works and the plain post shows next-auth's confirmation page.
 */
async function signOutCsrfToken(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get('__Host-next-auth.csrf-token')?.value ?? jar.get('next-auth.csrf-token')?.value;
  const token = value?.split('|')[0];
  return token && /^[0-9a-f]{16,128}$/iu.test(token) ? token : undefined;
}

/** The NHS header: service name, and for a signed-in person their name, sign out and the navigation they may use. */
export async function Header({ user }: { user: CurrentUser | null }) {
  const csrfToken = user ? await signOutCsrfToken() : undefined;
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <HeaderService />
        {user ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                <svg className="nhsuk-icon nhsuk-icon--user" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                  <path d={USER_ICON_PATH} />
                </svg>
                <span className="nhsuk-u-visually-hidden">Signed in as </span>
                {user.name}
              </li>
              <li className="nhsuk-header__account-item">
                <SignOutButton csrfToken={csrfToken} />
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
      {user ? (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navigationFor(user).map((item) => (
                <NavigationLink key={item.href} href={item.href} label={item.label} badge={item.badge} />
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

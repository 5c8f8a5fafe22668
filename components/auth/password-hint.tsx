import { PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';

/** The hint for every new password field (NCSC guidance: length, not composition rules). Server-rendered: pass it to forms as a prop. */
export function NewPasswordHint() {
  return (
    <>
      Use {PASSWORD_MIN_LENGTH} characters or more. Three or four random words make a strong password that is easy to remember. Common passwords, like
      &ldquo;password123456&rdquo;, are not accepted.
    </>
  );
}

import { z } from 'zod';

/** What the sign-in form checks before asking the server; the server checks the password. */
export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@nhs.net'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
});

/** The one message for every failed sign-in, whatever the reason, so it reveals nothing. */
export const SIGN_IN_FAILED = 'Enter a correct email address and password. After 5 failed attempts, sign-in is paused for 15 minutes.';

/** Why the sign-in page is shown, from ?reason= (the session-timeout feature sends people here). */
export const SIGN_IN_NOTICES = {
  timeout: 'You were signed out because you had not done anything for a while. Anything you had not saved was not saved.',
  ended: 'You were signed out. Sign in again to continue.',
} as const;

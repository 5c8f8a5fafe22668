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

/** An email domain as an organisation writes it: "nhs.net", "northbrook.nhs.uk" (letters, digits, hyphens, dots). */
const EMAIL_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/u;

/** The organisation's sign-in settings (Settings → Sign-in), shared by the form and saveSignInSettings. */
export const signInSettingsSchema = z.object({
  version: z.coerce.number({ error: 'Reload the page and try again' }).int().min(1).optional(),
  identityProviderRequired: z.enum(['yes', 'no'], { error: 'Select whether everyone but service-user representatives must use the identity provider' }).transform((value) => value === 'yes'),
  allowedEmailDomains: z
    .string({ error: 'Enter the email domains, one per line, or leave it empty' })
    .max(5_000, 'The email domains must be 5,000 characters or fewer')
    .transform((text) => [...new Set(text.split(/[\r\n,]+/u).map((line) => line.trim().toLowerCase().replace(/^@/u, '')).filter((line) => line !== ''))])
    .superRefine((domains, ctx) => {
      if (domains.length > 50) ctx.addIssue({ code: 'custom', message: 'Enter 50 email domains or fewer' });
      const bad = domains.find((domain) => !EMAIL_DOMAIN.test(domain));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `Enter each email domain like nhs.net: “${bad.slice(0, 60)}” is not one` });
    }),
});

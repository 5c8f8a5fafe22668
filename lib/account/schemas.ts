import { z } from 'zod';
import { newPasswordSchema } from '@/lib/auth/rules';
import { requiredText, version } from '@/lib/schema-fields';

export const updateNameSchema = z.object({ name: requiredText('your name', 120), version });

const confirmation = <T extends { password: string; confirmPassword: string }>(value: T) => value.password === value.confirmPassword;
const confirmationError = { message: 'The passwords do not match', path: ['confirmPassword'] };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(1024),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'Confirm your new password' }).max(1024),
  })
  .refine(confirmation, confirmationError);

export const setPasswordSchema = z
  .object({
    token: z.string({ error: 'This link is not valid' }).min(20, 'This link is not valid').max(200, 'This link is not valid'),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'Confirm your password' }).max(1024),
  })
  .refine(confirmation, confirmationError);

/** "Sign out of all other sessions": nothing to choose, the button is the whole form. */
export const endOtherSessionsSchema = z.strictObject({}, { error: "This form takes no fields" });

'use server';

import { defineAction } from '@/lib/action';
import { conflict } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { signInSettingsSchema } from '@/lib/auth/schemas';
import { SIGN_IN_SETTINGS_PATH } from '@/lib/auth/sign-in-settings';

/** How people sign in: one row (id 1), changed with its version like every shared record; administrators only. */
export const saveSignInSettings = defineAction({
  name: 'signIn.settings.save',
  permission: 'signIn.settings.manage',
  input: signInSettingsSchema,
  async run({ input, tx, audit }) {
    // A first save from two tabs at once: the second waits, then finds the row and checks its version.
    await lockKey(tx, 'sign-in-settings');
    const existing = await tx.signInSettings.findUnique({ where: { id: 1 }, select: { version: true } });
    const data = { identityProviderRequired: input.identityProviderRequired, allowedEmailDomains: input.allowedEmailDomains };
    let version: number;
    if (existing) {
      const { count } = await tx.signInSettings.updateMany({ where: { id: 1, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      version = existing.version + 1;
    } else {
      version = (await tx.signInSettings.create({ data: { id: 1, ...data }, select: { version: true } })).version;
    }
    const required = input.identityProviderRequired ? 'Required the identity provider for everyone but service-user representatives' : 'Allowed passwords for everyone';
    const domains = input.allowedEmailDomains.length > 0 ? `people from ${input.allowedEmailDomains.join(', ')} are added when they first sign in` : 'nobody is added by signing in';
    await audit({ action: 'signIn.settings.save', recordType: 'SignInSettings', recordId: '1', summary: `${required}; ${domains}` });
    return { version };
  },
  revalidate: () => [SIGN_IN_SETTINGS_PATH],
});

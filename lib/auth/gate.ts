/*
 * What other workflows may take from sign-in and sessions: passwords,
 * set-password links, and ending or counting sessions. The signed-in person is
 * loaded by lib/auth/load.ts (Next's request APIs), which pages and other
 * loaders use; here, only its type, so that scripts can load this gate.
 */
export type { CurrentUser } from '@/lib/auth/load';
export { createInvitation, createInvitations, findUsableInvitation, INVITATION_LIFETIME_MS } from '@/lib/auth/invitations';
export { newPasswordSchema } from '@/lib/auth/rules';
export { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
export { activeSessionsWhere, endSessionsOf, purgeOldSessions } from '@/lib/auth/sessions';
export { accountLockedUntil } from '@/lib/auth/sign-in';
/**
 * Sign-in through the organisation's identity provider: whether it is required
 * (then only service-user representatives use passwords, so nobody else needs a
 * set-password link), and when a person first used it.
 */
export { identityProviderRequired, keepsPassword } from '@/lib/auth/sign-in-settings';
export { identityProviderConfigured } from '@/lib/auth/identity-provider';
export { identityProviderFirstLinkedAt } from '@/lib/auth/identity-provider-links';

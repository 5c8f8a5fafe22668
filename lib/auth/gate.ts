/*
 * What other workflows may take from sign-in and sessions: the signed-in
 * person, passwords, set-password links, and ending or counting sessions.
 * lib/action.ts (the foundation) uses lib/auth/current-user.ts directly.
 */
export { getCurrentUser, requirePermission, requireUser, type CurrentUser } from '@/lib/auth/current-user';
export { createInvitation, findUsableInvitation } from '@/lib/auth/invitations';
export { newPasswordSchema } from '@/lib/auth/rules';
export { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
export { activeSessionsWhere, endSessionsOf } from '@/lib/auth/sessions';
export { accountLockedUntil } from '@/lib/auth/sign-in';

/*
 * What other workflows take from notifications: the outbox they write to in the
 * same transaction as their change. Every later workflow (recruitment,
 * onboarding, supervision) tells people through queueNotifications, with a kind
 * added to NotificationKind and a template in lib/mail/templates.ts.
 */
export { queueNotifications, type NotificationDraft } from '@/lib/notifications/outbox';
export type { PendingRequest } from '@/lib/notifications/rules';

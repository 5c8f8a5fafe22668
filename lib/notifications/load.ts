import 'server-only';
import { cache } from 'react';
import { mailMode } from '@/lib/mail/transport';
import { emailPreferenceOf, listOutboxEmails, notificationSettings } from '@/lib/notifications/queries';

export const getEmailPreference = cache((userId: string) => emailPreferenceOf(userId));
export const getNotificationSettings = cache(() => notificationSettings());
export const getOutbox = cache(async (page: number) => ({ ...(await listOutboxEmails(page)), mode: mailMode() }));

/** What each audit action means, in words; unknown actions (from later features) show as recorded. */
const ACTION_LABELS: Record<string, string> = {
  'team.create': 'Created a team',
  'team.update': 'Changed team details',
  'team.archive': 'Archived a team',
  'team.restore': 'Restored a team',
  'team.member.add': 'Added a team member',
  'team.member.remove': 'Removed a team member',
  'person.create': 'Added a person',
  'person.update': 'Changed a person’s details',
  'person.disable': 'Disabled an account',
  'person.enable': 'Re-enabled an account',
  'person.invite': 'Created a set-password link',
  'account.name.update': 'Changed their own name',
  'account.password.change': 'Changed their own password',
  'account.password.set': 'Set a password from a link',
  'account.notifications.update': 'Changed their email notifications',
  'notifications.settings.update': 'Changed when reminders are sent',
  'job.retry': 'Retried a failed background job',
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export const RECORD_TYPE_LABELS: Record<string, string> = {
  Team: 'Team',
  User: 'Person',
  NotificationSettings: 'Reminder settings',
  Job: 'Background job',
};

/** Where a record lives, for the audit table's links. */
export function recordHref(recordType: string, recordId: string): string | null {
  if (recordType === 'Team') return `/teams/${recordId}`;
  if (recordType === 'User') return `/people/${recordId}`;
  if (recordType === 'NotificationSettings') return '/settings/notifications';
  return null;
}

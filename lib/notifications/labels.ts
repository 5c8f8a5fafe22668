import type { MutableKind } from '@/lib/notifications/rules';
import type { EmailDelivery, NotificationKind } from '@/lib/generated/prisma/enums';

/** "Email me when…", on My account. */
export const KIND_CHOICES: Record<MutableKind, { label: string; hint?: string }> = {
  REVIEW_REQUESTED: { label: 'I am asked to review a role' },
  CHECK_REQUESTED: { label: 'I am asked what I expect of a role (an expectations check)' },
  CONCERN_RAISED: { label: 'Someone raises a concern about a role I review or manage' },
  CONCERN_REPLIED: { label: 'Someone replies to a concern about a role I review or manage' },
  VERSION_AGREED: { label: 'A role I manage is agreed' },
  REMINDER: { label: 'A request to me has been waiting a few working days', hint: 'A reminder, at most once every few working days while it waits.' },
  NOT_RESPONDED: { label: 'People I asked have not responded', hint: 'For managers: who has not reviewed or answered after twice the reminder time.' },
  PANEL_ADDED: { label: 'I am added to a recruitment panel' },
  SCORING_OPEN: { label: 'Scoring opens on a panel I sit on' },
  SCORES_IN: { label: 'Every panel member has scored a candidate', hint: 'For panel members and HR: the scores can be compared and moderated.' },
  DECISION_RECORDED: { label: 'A decision is recorded on a vacancy I sit on or run' },
  ONBOARDING_TASKS: { label: 'I am given tasks in a peer worker’s onboarding plan' },
  ONBOARDING_OVERDUE: { label: 'Onboarding tasks I owe are overdue', hint: 'One email on a working day when any are past their due date, at most once a week.' },
  SESSION_TO_COSIGN: { label: 'A supervision session I was in is recorded, for me to co-sign' },
  SUPERVISION_OVERDUE: { label: 'Supervision I give or receive is overdue', hint: 'One email on a working day when a session is past its due date, at most once a week.' },
  LIBRARY_ENTRY_PROPOSED: { label: 'A peer worker I supervise proposes a peer practice library entry', hint: 'For peer supervisors: it is published only once a peer supervisor approves it.' },
};

export const DELIVERY_CHOICES: Record<EmailDelivery, { label: string; hint: string }> = {
  EACH: { label: 'An email each time', hint: 'As soon as it happens.' },
  DAILY_DIGEST: { label: 'One summary a day', hint: 'At 7am, listing everything since the last one. Nothing is sent on a day with nothing new.' },
};

/** What each notification is, in a list (the outbox, the audit log). */
export const KIND_LABELS: Record<NotificationKind, string> = {
  REVIEW_REQUESTED: 'Asked to review a role',
  CHECK_REQUESTED: 'Asked to answer an expectations check',
  CONCERN_RAISED: 'Concern raised',
  CONCERN_REPLIED: 'Reply to a concern',
  VERSION_AGREED: 'Role agreed',
  PASSWORD_LINK: 'Set-password link',
  REMINDER: 'Reminder',
  NOT_RESPONDED: 'Not yet responded',
  PANEL_ADDED: 'Added to a recruitment panel',
  SCORING_OPEN: 'Scoring open',
  SCORES_IN: 'All scores in',
  DECISION_RECORDED: 'Recruitment decision recorded',
  ONBOARDING_TASKS: 'Onboarding tasks given',
  ONBOARDING_OVERDUE: 'Onboarding tasks overdue',
  SESSION_TO_COSIGN: 'Supervision session to co-sign',
  SUPERVISION_OVERDUE: 'Supervision overdue',
  LIBRARY_ENTRY_PROPOSED: 'Library entry to review',
};

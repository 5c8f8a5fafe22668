import type { SessionValues } from '@/components/supervision/session-form';

/** A record's values as the session form's starting values: the date in its three boxes. */
export function sessionValues(session: { heldOn: Date; durationMinutes: number; topicKeys: string[] }, privatePart: { notes: string; attendees: string }): SessionValues {
  return {
    heldOn: { day: String(session.heldOn.getUTCDate()), month: String(session.heldOn.getUTCMonth() + 1), year: String(session.heldOn.getUTCFullYear()) },
    durationMinutes: String(session.durationMinutes),
    attendees: privatePart.attendees,
    topics: session.topicKeys,
    notes: privatePart.notes,
  };
}

'use client';

import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { removeMeetingSchema, removeSystemAccessSchema } from '@/lib/onboarding/schemas';
import { removeMeeting, removeSystemAccess } from '@/lib/onboarding/team-actions';

/* The team arrangements' confirmation pages: each posts ids only, and works without JavaScript. */

export function RemoveMeetingForm({ meetingId, teamId, children }: { meetingId: string; teamId: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeMeetingSchema}
      action={removeMeeting}
      values={{ meetingId }}
      label="Remove the meeting"
      variant="warning"
      successHref={(data) => `${teamArrangementsPath(data.teamId)}?saved=meeting-removed`}
      successMessage="Meeting removed"
      cancel={{ href: teamArrangementsPath(teamId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function RemoveSystemAccessForm({ systemAccessId, teamId, children }: { systemAccessId: string; teamId: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeSystemAccessSchema}
      action={removeSystemAccess}
      values={{ teamId, systemAccessId }}
      label="Remove the system access"
      variant="warning"
      successHref={(data) => `${teamArrangementsPath(data.teamId)}?saved=system-removed`}
      successMessage="System access removed"
      cancel={{ href: teamArrangementsPath(teamId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

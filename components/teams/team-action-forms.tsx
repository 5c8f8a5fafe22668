'use client';

import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { archiveTeam, removeTeamMember, restoreTeam } from '@/lib/teams/actions';
import { archiveTeamSchema, removeMemberSchema } from '@/lib/teams/schemas';

export function ArchiveTeamForm({ teamId, version, children }: { teamId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={archiveTeamSchema}
      action={archiveTeam}
      values={{ teamId, version }}
      label="Archive team"
      variant="warning"
      successHref={() => `/teams/${teamId}?status=archived`}
      successMessage="Team archived"
      cancel={{ href: `/teams/${teamId}`, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function RestoreTeamForm({ teamId, version }: { teamId: string; version: number }) {
  return (
    <ActionButtonForm
      schema={archiveTeamSchema}
      action={restoreTeam}
      values={{ teamId, version }}
      label="Restore team"
      variant="secondary"
      successHref={() => `/teams/${teamId}?status=restored`}
      successMessage="Team restored"
    />
  );
}

export function RemoveMemberForm({ teamId, membershipId, children }: { teamId: string; membershipId: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeMemberSchema}
      action={removeTeamMember}
      values={{ teamId, membershipId }}
      label="Remove from team"
      variant="warning"
      successHref={() => `/teams/${teamId}?status=member-removed`}
      successMessage="Removed from the team"
      cancel={{ href: `/teams/${teamId}`, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

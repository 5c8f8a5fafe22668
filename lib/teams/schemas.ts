import { z } from 'zod';
import { ServiceType, TeamRole } from '@/lib/generated/prisma/enums';
import { id, optionalLongText, requiredText, version } from '@/lib/schema-fields';

const teamFields = {
  name: requiredText('a team name', 120),
  serviceType: z.enum(ServiceType, { error: 'Select a service type' }),
  description: optionalLongText('Description', 2000),
};

export const createTeamSchema = z.object(teamFields);
export const updateTeamSchema = z.object({ teamId: id('team'), version, ...teamFields });
export const archiveTeamSchema = z.object({ teamId: id('team'), version });
export const addMemberSchema = z.object({
  teamId: id('team'),
  userId: id('person'),
  role: z.enum(TeamRole, { error: 'Select a team role' }),
});
export const removeMemberSchema = z.object({ teamId: id('team'), membershipId: id('member') });

export type CreateTeamInput = z.input<typeof createTeamSchema>;
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

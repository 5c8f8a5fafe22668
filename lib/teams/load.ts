import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { getTeam } from '@/lib/teams/queries';

/**
 * The signed-in person and the team, if they may see it: shared by a page and
 * its generateMetadata within one request, so the team is read once.
 */
export const loadTeam = cache(async (teamId: string) => {
  const user = await requireUser();
  const team = await getTeam(user, teamId);
  return { user, team };
});

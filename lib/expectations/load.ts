import 'server-only';
import { cache } from 'react';
import { loadRole } from '@/lib/roles/load';
import { getExpectationCheck } from '@/lib/expectations/queries';

/**
 * The expectations check as this person may see it, shared by a page and its
 * generateMetadata: null when the role is not theirs to see (or not in this
 * team), or the check is not one they drafted or were asked to answer.
 */
export const loadCheck = cache(async (teamId: string, roleId: string, checkId: string) => {
  const { user, access } = await loadRole(teamId, roleId);
  const check = access ? await getExpectationCheck(access, user.id, checkId) : null;
  return { user, access, check };
});

export type LoadedCheck = NonNullable<Awaited<ReturnType<typeof getExpectationCheck>>>;
export type CheckActivity = LoadedCheck['activities'][number];

import 'server-only';
import { cache } from 'react';
import { getVersionDetail, getVersionInvitations } from '@/lib/agreement/queries';
import { agreementPolicy } from '@/lib/agreement/status';
import { db } from '@/lib/db';
import { loadRole, parseVersionNumber } from '@/lib/roles/load';

/** A version of the role this person may read, with its agreement record and (for those involved) its concerns. */
export const loadVersion = cache(async (teamId: string, roleId: string, numberParam: string) => {
  const { user, access } = await loadRole(teamId, roleId);
  const number = parseVersionNumber(numberParam);
  const version = access && number ? await getVersionDetail(access, number) : null;
  return { user, access: version ? access : null, version };
});

/** The same for the invite-reviewers page: who is invited and has agreed, without the agreement record and evidence it does not show. */
export const loadVersionInvitations = cache(async (teamId: string, roleId: string, numberParam: string) => {
  const { user, access } = await loadRole(teamId, roleId);
  const number = parseVersionNumber(numberParam);
  const version = access && number ? await getVersionInvitations(access, number) : null;
  return { user, access: version ? access : null, version };
});

/** A team's agreement policy as it stands, for its settings page. */
export const loadPolicy = cache(async (teamId: string) => agreementPolicy(db, teamId));

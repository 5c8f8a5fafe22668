import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/load';
import { getPerson } from '@/lib/people/queries';
import { can, type Permission } from '@/lib/permissions';

/** The person: null unless the signed-in person may see people. Read once per request. */
export const loadPerson = cache(async (userId: string) => {
  const user = await getCurrentUser();
  if (!can(user, 'person.view')) return null;
  return getPerson(userId);
});

/** A person page's title that gives nothing away to someone who may not see it. */
export async function personPageTitle(userId: string, permission: Permission, title: (name: string) => string): Promise<string> {
  const user = await getCurrentUser();
  if (!can(user, permission)) return 'You do not have permission to view this page';
  const person = await loadPerson(userId);
  return person ? title(person.name) : 'Page not found';
}

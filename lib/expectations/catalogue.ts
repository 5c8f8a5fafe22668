import 'server-only';
import { activeActivities } from '@/lib/roles/queries';

// activeActivities(teamId) returns the organisation's activities plus that team's;
// with an id no team has, it returns only the organisation's.
const NO_TEAM = '00000000-0000-0000-0000-000000000000';

/** The organisation-wide catalogue, in the order checks ask it. */
export async function organisationActivities() {
  return (await activeActivities(NO_TEAM)).filter((activity) => activity.teamId === null);
}

/** A team's catalogue split into the organisation's activities and the team's own. */
export async function teamCatalogue(teamId: string) {
  const activities = await activeActivities(teamId);
  return {
    organisation: activities.filter((activity) => activity.teamId === null),
    team: activities.filter((activity) => activity.teamId === teamId),
  };
}

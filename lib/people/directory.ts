import { db, type Tx } from '@/lib/db';
import type { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';
import { ORG_ROLE_SHORT_LABELS } from '@/lib/people/labels';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ExistingPerson } from '@/lib/people/rules';
import { TEAM_ROLE_LABELS } from '@/lib/teams/gate';

/*
 * The trust's people and teams as a spreadsheet (issue 14 §4): one row for
 * each person's place in a team (a person in two teams is two rows, a person
 * in none is one row with the team left blank), in the columns the import
 * reads: name, email, job title, team, team role, organisation role, in
 * words. Active people only, by email; their teams that are not archived, by
 * name. Read a page of people at a time, so a trust's thousands stream with
 * memory flat.
 */

/** The import's columns, as it reads them back (lib/people/rules.ts). */
export const DIRECTORY_HEADER = IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]);

const PAGE = 500;

export async function* directoryRows(client: Tx | typeof db = db): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const people: Array<{ name: string; email: string; jobTitle: string | null; orgRole: keyof typeof ORG_ROLE_SHORT_LABELS; memberships: Array<{ role: keyof typeof TEAM_ROLE_LABELS; team: { name: string } }> }> = await client.user.findMany({
      where: { disabledAt: null, ...(after === null ? {} : { email: { gt: after } }) },
      orderBy: { email: 'asc' },
      take: PAGE,
      select: {
        name: true,
        email: true,
        jobTitle: true,
        orgRole: true,
        memberships: { where: { team: { archivedAt: null } }, orderBy: [{ team: { name: 'asc' } }, { teamId: 'asc' }], select: { role: true, team: { select: { name: true } } } },
      },
    });
    for (const person of people) {
      const who = [person.name, person.email, person.jobTitle ?? ''];
      const orgRole = ORG_ROLE_SHORT_LABELS[person.orgRole];
      if (person.memberships.length === 0) yield [...who, '', '', orgRole];
      for (const membership of person.memberships) yield [...who, membership.team.name, TEAM_ROLE_LABELS[membership.role], orgRole];
    }
    if (people.length < PAGE) return;
    after = people[people.length - 1].email;
  }
}

/**
 * What an import is judged against (lib/people/rules.ts planImport): every
 * person by lower-cased email with their team roles, and the teams that are
 * not archived by lower-cased name. Two statements, whatever the file.
 */
export async function importContext(client: Tx | typeof db = db): Promise<{ existing: Map<string, ExistingPerson>; teams: Map<string, { id: string; name: string }> }> {
  // Everyone with their team roles in one statement: for a whole trust, Prisma's nested select took most of a preview's time.
  const [people, teams] = await Promise.all([
    client.$queryRaw<Array<{ id: string; email: string; name: string; jobTitle: string | null; orgRole: OrgRole; disabled: boolean; memberships: Array<[string, TeamRole]> }>>`
      SELECT u.id::text AS id, u.email, u.name, u."jobTitle", u."orgRole"::text AS "orgRole", (u."disabledAt" IS NOT NULL) AS disabled,
             COALESCE((SELECT json_agg(json_build_array(m."teamId", m.role)) FROM "TeamMembership" m WHERE m."userId" = u.id), '[]'::json) AS memberships
      FROM "User" u`,
    client.team.findMany({ where: { archivedAt: null }, select: { id: true, name: true } }),
  ]);
  return {
    existing: new Map(people.map((person) => [person.email.toLowerCase(), { id: person.id, name: person.name, jobTitle: person.jobTitle, orgRole: person.orgRole, disabled: person.disabled, memberships: new Map(person.memberships) }])),
    teams: new Map(teams.map((team) => [team.name.toLowerCase(), team])),
  };
}

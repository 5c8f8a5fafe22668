import type { RequirementGroup } from '@/lib/generated/prisma/enums';

/** The order and wording of a team's agreement policy, in the form and wherever it is summarised. */
export const POLICY_GROUPS: ReadonlyArray<{ group: RequirementGroup; label: string; hint: string; summary: (n: number) => string }> = [
  { group: 'MANAGER', label: 'Team managers', hint: "The team's manager, or one of them.", summary: (n) => (n === 1 ? "the team's manager" : `${n} of the team's managers`) },
  { group: 'STAFF', label: 'Non-peer staff', hint: 'Nurses, occupational therapists, psychologists and other colleagues in the team who are not in a peer role.', summary: (n) => `${n} non-peer staff ${n === 1 ? 'member' : 'members'}` },
  { group: 'PEER_WORKER', label: 'Peer workers', hint: 'Peer workers in the team.', summary: (n) => `${n} peer ${n === 1 ? 'worker' : 'workers'}` },
  { group: 'SERVICE_USER_REP', label: 'Service-user representatives', hint: 'Representatives invited as reviewers.', summary: (n) => `${n} service-user ${n === 1 ? 'representative' : 'representatives'}` },
  {
    group: 'PEER_OR_REP',
    label: 'Peer workers or service-user representatives, counted together',
    hint: 'Agreements from either group count towards this number, so a team without a peer worker yet can still agree a role with lived experience involved.',
    summary: (n) => `${n} peer ${n === 1 ? 'worker' : 'workers'} or service-user ${n === 1 ? 'representative' : 'representatives'}`,
  },
  { group: 'HR', label: 'HR', hint: 'HR or recruitment staff.', summary: (n) => `${n} from HR` },
];

/** "the team's manager, 1 non-peer staff member and 1 from HR". */
export function policySummary(minimums: Partial<Record<RequirementGroup, number>>): string {
  const parts = POLICY_GROUPS.filter(({ group }) => (minimums[group] ?? 0) > 0).map(({ group, summary }) => summary(minimums[group] ?? 0));
  if (parts.length === 0) return 'nobody';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What the team's policy asks of the expectations check, in the policy form and wherever it is summarised. */
export const EXPECTATIONS_SETTINGS = [
  {
    name: 'requireExpectationsCheck',
    label: 'An expectations check must have been run',
    hint: 'An expectations check of the role must have been answered by people from at least 2 groups, so that differences in what they expect could show. The latest closed check counts; until one has closed, the open one.',
  },
  {
    name: 'requireContestedSettled',
    label: 'Every contested activity must be settled',
    hint: 'The manager must have recorded how each contested activity of the expectations check that counts was settled in the description. Reviewers see each one they may see and how it was settled.',
  },
] as const;

export interface ExpectationsSettings {
  requireExpectationsCheck: boolean;
  requireContestedSettled: boolean;
}

/** "no concern is open, an expectations check has been run and every contested activity has been settled". */
export function conditionsSummary(settings: ExpectationsSettings): string {
  const parts = [
    'no concern is open',
    ...(settings.requireExpectationsCheck ? ['an expectations check has been run'] : []),
    ...(settings.requireContestedSettled ? ['every contested activity of the expectations check has been settled'] : []),
  ];
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

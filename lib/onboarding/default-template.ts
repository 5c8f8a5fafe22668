import type { TaskOwnerRole, TaskSection } from '@/lib/generated/prisma/enums';

/**
 * The onboarding template every organisation starts with, from UK guidance on
 * bringing peer workers into mental health teams (Health Education England's
 * peer support competence framework, ImROC's briefings on peer support, NHS
 * England's guidance on supporting peer workers): the team prepared before the
 * peer worker starts, the same access as colleagues from day one, peer support
 * training, supervision set up in the first two weeks, introductions and
 * shadowing, local induction within four weeks, and reviews at six weeks and
 * three months. Offsets are days from the start date (negative: before it).
 * Administrators change it, or add their own per service type.
 */
export interface DefaultTask {
  section: TaskSection;
  title: string;
  description: string;
  ownerRole: TaskOwnerRole;
  offsetDays: number;
  required: boolean;
}

export const DEFAULT_TEMPLATE_NAME = 'Peer worker onboarding (default)';

export const DEFAULT_TEMPLATE_TASKS: readonly DefaultTask[] = [
  {
    section: 'TEAM_PREPARATION',
    title: 'Talk with the team about what peer support is, and is not',
    description: 'Go through the agreed role description with the team: the purpose of the role, what peer workers do and what the role is not, so that nobody expects a junior clinician.',
    ownerRole: 'MANAGER',
    offsetDays: -14,
    required: true,
  },
  {
    section: 'TEAM_PREPARATION',
    title: 'Name a peer supervisor',
    description: 'An experienced peer worker, inside or outside the team, who will offer peer supervision.',
    ownerRole: 'MANAGER',
    offsetDays: -7,
    required: true,
  },
  {
    section: 'SYSTEMS_ACCESS',
    title: 'Set up an NHS email account, as for any new colleague',
    description: 'The same email as colleagues from the first day, not a shared or personal address.',
    ownerRole: 'IT_ADMIN',
    offsetDays: -3,
    required: true,
  },
  {
    section: 'SYSTEMS_ACCESS',
    title: 'Give access to the records system and shared drives the team uses',
    description: 'The same records access as colleagues in the team, agreed with the manager, from the first day.',
    ownerRole: 'IT_ADMIN',
    offsetDays: -3,
    required: true,
  },
  {
    section: 'SYSTEMS_ACCESS',
    title: 'Provide a laptop or computer and a phone, as colleagues have',
    description: '',
    ownerRole: 'IT_ADMIN',
    offsetDays: 0,
    required: true,
  },
  {
    section: 'INDUCTION',
    title: 'Complete the trust’s corporate induction and mandatory training',
    description: '',
    ownerRole: 'PEER_WORKER',
    offsetDays: 14,
    required: true,
  },
  {
    section: 'INDUCTION',
    title: 'Complete local induction to the team',
    description: 'The team’s ways of working, meetings, lone working and safety, and who to go to for what: within four weeks of starting.',
    ownerRole: 'MANAGER',
    offsetDays: 28,
    required: true,
  },
  {
    section: 'PEER_TRAINING',
    title: 'Book peer support training against the HEE competence framework',
    description: 'Accredited peer support training, or equivalent, mapped to the Health Education England peer support competence framework.',
    ownerRole: 'HR',
    offsetDays: 14,
    required: true,
  },
  {
    section: 'PEER_TRAINING',
    title: 'Offer a WRAP or recovery-planning course',
    description: 'Where it would help the peer worker in their own practice.',
    ownerRole: 'MANAGER',
    offsetDays: 42,
    required: false,
  },
  {
    section: 'SUPERVISION_SETUP',
    title: 'Agree and sign a supervision agreement',
    description: 'Peer supervision and line management: who, how often, and where it is recorded. Within the first two weeks.',
    ownerRole: 'SUPERVISOR',
    offsetDays: 14,
    required: true,
  },
  {
    section: 'INTRODUCTIONS',
    title: 'Meet the team, and the people the peer worker will work alongside',
    description: '',
    ownerRole: 'MANAGER',
    offsetDays: 0,
    required: true,
  },
  {
    section: 'INTRODUCTIONS',
    title: 'Shadow colleagues, and another peer worker if there is one',
    description: '',
    ownerRole: 'PEER_WORKER',
    offsetDays: 10,
    required: true,
  },
  {
    section: 'FIRST_REVIEWS',
    title: 'Six-week review',
    description: 'How the role is going against the agreed description, and what the peer worker needs.',
    ownerRole: 'MANAGER',
    offsetDays: 42,
    required: true,
  },
  {
    section: 'FIRST_REVIEWS',
    title: 'Three-month review',
    description: '',
    ownerRole: 'MANAGER',
    offsetDays: 91,
    required: true,
  },
];

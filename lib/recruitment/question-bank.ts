import type { CriterionCategory } from '@/lib/generated/prisma/enums';

/**
 * Interview questions for peer support roles, by criterion category: what a new
 * criterion starts with, for the author to keep, edit or replace. Drawn from UK
 * peer support practice (values-based recruitment, the HEE peer support
 * competence framework): questions about using lived experience, values,
 * working alongside a team, and the practical side of the role.
 */
export const QUESTION_BANK: Record<CriterionCategory, readonly string[]> = {
  LIVED_EXPERIENCE: [
    'Tell us about a time your own experience of mental health difficulties helped you understand what someone else was going through.',
    'How do you decide what to share of your own story, with whom and when?',
    'What has helped you in your own recovery, and how might that shape the way you support others?',
  ],
  VALUES: [
    'What does hope mean to you, and how would you hold it for someone who has lost it?',
    'Tell us about a time you supported someone to make their own choice, even when you would have chosen differently.',
    'How would you build a relationship with someone that feels mutual rather than expert and patient?',
  ],
  SKILLS_KNOWLEDGE: [
    'How would you respond if someone you were supporting told you they were thinking of ending their life?',
    'What do you understand by recovery, and how is it different for different people?',
    'How would you explain peer support to a colleague who had not worked alongside a peer worker before?',
  ],
  PRACTICAL: [
    'How do you look after your own wellbeing at work, and what would you want from supervision?',
    'Tell us how you would organise your week if you were supporting several people at once.',
    'How would you keep a record of your work that is useful to the person and to the team?',
  ],
};

/** A new specification starts with these, so the rules it must meet are visible from the first page. */
export const STARTING_CRITERIA: ReadonlyArray<{ category: CriterionCategory; wording: string; essential: boolean; assessedBy: Array<'APPLICATION' | 'INTERVIEW' | 'TASK'> }> = [
  {
    category: 'LIVED_EXPERIENCE',
    wording: 'Personal lived experience of mental health difficulties and recovery, and willingness to use it to support others',
    essential: true,
    assessedBy: ['APPLICATION', 'INTERVIEW'],
  },
  {
    category: 'VALUES',
    wording: 'Commitment to hope, choice, mutuality and recovery-focused practice',
    essential: true,
    assessedBy: ['APPLICATION', 'INTERVIEW'],
  },
];

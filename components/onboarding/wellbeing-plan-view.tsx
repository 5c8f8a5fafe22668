import { SummaryList } from '@/components/ui/summary-list';

/** The four questions of a wellbeing plan, in order: the form's labels and the shared view's keys. */
export const WELLBEING_QUESTIONS = [
  { field: 'keepsMeWell', question: 'What keeps me well at work', hint: 'For example, regular breaks, time to write up after a difficult conversation, or supervision every two weeks.' },
  { field: 'earlySigns', question: 'Early signs that I am becoming unwell', hint: 'What you, or the people you work with, might notice first.' },
  { field: 'whatHelps', question: 'What helps', hint: 'What you would like others to do, or not to do, if they notice those signs.' },
  { field: 'whoToContact', question: 'Who to contact', hint: 'Who you would like to be contacted, and how. For example, your peer supervisor, or someone outside work.' },
] as const;

export type WellbeingAnswers = Record<(typeof WELLBEING_QUESTIONS)[number]['field'], string>;

/** A wellbeing plan as its owner wrote it, line breaks kept: for the people it is shared with. */
export function WellbeingPlanView({ plan }: { plan: WellbeingAnswers }) {
  return (
    <SummaryList
      rows={WELLBEING_QUESTIONS.map(({ field, question }) => ({
        key: question,
        value: plan[field] ? <span style={{ whiteSpace: 'pre-line' }}>{plan[field]}</span> : <span className="nhsuk-u-secondary-text-colour">Not answered</span>,
      }))}
    />
  );
}

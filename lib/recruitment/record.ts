import { candidateLabel, CONFLICT_LABELS, OUTCOME_LABELS, SHORTLIST_LABELS, STAGE_LABELS } from '@/lib/recruitment/labels';
import type { getVacancyRecord } from '@/lib/recruitment/queries';

type VacancyRecord = NonNullable<Awaited<ReturnType<typeof getVacancyRecord>>>;

export const RECORD_HEADER = ['Candidate', 'Name', 'What', 'Stage', 'Criterion', 'Panel member', 'Score', 'Evidence or text', 'Corrects an earlier score', 'Reason', 'When'] as const;

export type RecordRow = [string, string, string, string, string, string, number | null, string, string, string, Date | null];

/**
 * A vacancy's complete scoring record, one line per event, for a subject-access
 * request or an appeal: every submitted score and correction, every conflict
 * declaration, every moderation note and every decision. The print page and the
 * CSV read the same lines.
 */
export function recordRows(record: VacancyRecord): RecordRow[] {
  const criterion = new Map(record.criteria.map((item) => [item.id, item.wording]));
  const rows: RecordRow[] = [];
  for (const candidate of record.candidates) {
    const label = candidateLabel(candidate.number);
    const name = candidate.name ?? (candidate.purgedAt ? '(deleted under the retention rule)' : '');
    for (const declaration of record.declarations.filter((item) => item.candidateId === candidate.id)) {
      rows.push([label, name, `Conflict of interest: ${CONFLICT_LABELS[declaration.kind]}`, '', '', declaration.user.name, null, declaration.note ?? '', '', '', declaration.createdAt]);
    }
    for (const sheet of record.sheets.filter((item) => item.candidateId === candidate.id)) {
      for (const score of sheet.scores) {
        rows.push([
          label,
          name,
          score.correctsId ? 'Score correction' : 'Score',
          STAGE_LABELS[sheet.stage],
          criterion.get(score.criterionId) ?? '',
          sheet.user.name,
          score.score,
          score.evidence ?? '',
          score.correctsId ? 'Yes' : '',
          score.reason ?? '',
          score.correctsId ? score.createdAt : sheet.submittedAt,
        ]);
      }
    }
    for (const note of record.moderation.filter((item) => item.candidateId === candidate.id)) {
      rows.push([label, name, 'Moderation note', STAGE_LABELS[note.stage], note.criterionId ? (criterion.get(note.criterionId) ?? '') : '', note.author.name, null, note.text ?? '', '', '', note.createdAt]);
    }
    if (candidate.shortlistOutcome) {
      rows.push([label, name, `Shortlisting: ${SHORTLIST_LABELS[candidate.shortlistOutcome]}`, STAGE_LABELS.SHORTLISTING, '', '', null, candidate.shortlistReason ?? '', '', '', null]);
    }
    if (candidate.outcome) {
      const justification = candidate.essentialJustification ? ` Justification for an essential criterion not met: ${candidate.essentialJustification}` : '';
      rows.push([label, name, `Decision: ${OUTCOME_LABELS[candidate.outcome]}`, STAGE_LABELS.INTERVIEW, '', candidate.decidedBy?.name ?? '', null, `${candidate.rationale ?? ''}${justification}`, '', '', candidate.decidedAt]);
    }
  }
  return rows;
}

import { Tag, type TagColour } from '@/components/ui/tag';
import type { VacancyStatus } from '@/lib/generated/prisma/enums';
import { STATUS_LABELS } from '@/lib/recruitment/labels';

const COLOURS: Record<VacancyStatus, TagColour> = { DRAFT: 'grey', OPEN: 'blue', SHORTLISTING: 'purple', INTERVIEWING: 'orange', DECIDED: 'green', CLOSED: 'white' };

export function StatusTag({ status }: { status: VacancyStatus }) {
  return <Tag colour={COLOURS[status]}>{STATUS_LABELS[status]}</Tag>;
}

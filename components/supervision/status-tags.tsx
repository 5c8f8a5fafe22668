import { ACTION_STATUS_LABELS, DUE_LABELS, ENTRY_STATUS_LABELS } from '@/components/supervision/labels';
import { Tag, type TagColour } from '@/components/ui/tag';
import type { LibraryEntryStatus, SupervisionActionStatus } from '@/lib/generated/prisma/enums';
import type { DueState } from '@/lib/supervision/rules';

/* Statuses as NHS tags: the words say the state, the colour only repeats it. */

const DUE_COLOURS: Record<DueState, TagColour> = { ON_TIME: 'green', DUE_SOON: 'yellow', OVERDUE: 'red' };

export function DueTag({ state }: { state: DueState }) {
  return <Tag colour={DUE_COLOURS[state]}>{DUE_LABELS[state]}</Tag>;
}

const ACTION_COLOURS: Record<SupervisionActionStatus, TagColour> = { OPEN: 'blue', DONE: 'green', DROPPED: 'grey' };

export function ActionStatusTag({ status, overdue = false }: { status: SupervisionActionStatus; overdue?: boolean }) {
  return overdue ? <Tag colour="red">Overdue</Tag> : <Tag colour={ACTION_COLOURS[status]}>{ACTION_STATUS_LABELS[status]}</Tag>;
}

const ENTRY_COLOURS: Record<LibraryEntryStatus, TagColour> = { PROPOSED: 'yellow', PUBLISHED: 'green', WITHDRAWN: 'grey', DECLINED: 'red' };

export function EntryStatusTag({ status }: { status: LibraryEntryStatus }) {
  return <Tag colour={ENTRY_COLOURS[status]}>{ENTRY_STATUS_LABELS[status]}</Tag>;
}

/** Whether the other person has agreed the record is fair. */
export function CosignedTag({ cosigned }: { cosigned: boolean }) {
  return cosigned ? <Tag colour="green">Co-signed</Tag> : <Tag colour="grey">Not yet co-signed</Tag>;
}

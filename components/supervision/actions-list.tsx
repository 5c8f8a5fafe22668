import Link from 'next/link';
import { ActionStatusButtons } from '@/components/supervision/record-forms';
import { ActionStatusTag } from '@/components/supervision/status-tags';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { DateTime } from '@/components/ui/date-time';
import type { SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import { sessionPath } from '@/lib/supervision/paths';

export interface ActionItem {
  id: string;
  /** Null when it does not decrypt: the page says so, with nothing of the content. */
  text: string | null;
  dueOn: Date;
  status: SupervisionActionStatus;
  version: number;
  ownerName: string;
  overdue: boolean;
  /** The session it was agreed in, when that is not the page's own. */
  session?: { id: string; type: SupervisionType; heldOn: Date };
}

export const UNREADABLE = 'This text could not be decrypted. Ask an administrator to check the notes key.';

/**
 * Actions agreed in supervision, for the two people in the session they came
 * from only (the pages never render this for anyone else): what, who, by when,
 * and buttons to move each on.
 */
export function ActionsList({ actions, returnTo, canUpdate }: { actions: readonly ActionItem[]; returnTo: string; canUpdate: boolean }) {
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {actions.map((action) => (
        <li key={action.id}>
          <p className="nhsuk-u-margin-bottom-1">
            <strong>{action.text ?? UNREADABLE}</strong>
          </p>
          <p className="nhsuk-u-margin-bottom-2">
            {action.ownerName}, due <DateTime value={action.dueOn} dateOnly /> <ActionStatusTag status={action.status} overdue={action.overdue} />
            {action.session ? (
              <>
                <br />
                <span className="nhsuk-body-s">
                  Agreed in{' '}
                  <Link href={sessionPath(action.session.id)}>
                    {TYPE_LABELS[action.session.type].toLowerCase()} on <DateTime value={action.session.heldOn} dateOnly />
                  </Link>
                </span>
              </>
            ) : null}
          </p>
          {canUpdate ? <ActionStatusButtons actionId={action.id} version={action.version} status={action.status} about={action.text ?? 'this action'} returnTo={returnTo} /> : null}
        </li>
      ))}
    </ul>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';

export interface SummaryListAction {
  href: string;
  /** Visible text, e.g. "Change". */
  label: string;
  /** Finishes the sentence for screen readers, e.g. "name" in "Change name". */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <Link className="nhsuk-link" href={action.href}>
      {action.label}
      {action.visuallyHiddenText ? <span className="nhsuk-u-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </Link>
  );
}

/** NHS summary list: key/value rows, each with optional "Change" style links. */
export function SummaryList({ rows, noBorder = false, className }: { rows: SummaryListRow[]; noBorder?: boolean; className?: string }) {
  const anyActions = rows.some((row) => row.actions && row.actions.length > 0);
  return (
    <dl className={['nhsuk-summary-list', noBorder ? 'nhsuk-summary-list--no-border' : '', className ?? ''].filter(Boolean).join(' ')}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div className={`nhsuk-summary-list__row${anyActions && actions.length === 0 ? ' nhsuk-summary-list__row--no-actions' : ''}`} key={index}>
            <dt className="nhsuk-summary-list__key">{row.key}</dt>
            <dd className="nhsuk-summary-list__value">{row.value}</dd>
            {actions.length === 1 ? (
              <dd className="nhsuk-summary-list__actions">
                <ActionLink action={actions[0]} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className="nhsuk-summary-list__actions">
                <ul className="nhsuk-summary-list__actions-list">
                  {actions.map((action) => (
                    <li className="nhsuk-summary-list__actions-list-item" key={action.href + action.label}>
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

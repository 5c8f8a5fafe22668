import Link from 'next/link';
import { sectionPath } from '@/components/roles/paths';
import { REQUIRED_FOR_SUBMISSION, type RoleSectionKey } from '@/lib/roles/rules';

const HINTS: Record<RoleSectionKey, string> = {
  purpose: 'Why the team wants a peer worker and what they bring',
  values: 'Mutuality, hope, lived experience as expertise and others',
  responsibilities: 'What the peer worker will do, most important first',
  notPart: 'For example observations or giving medication',
  working: 'Contract, hours, days, pay band, base and access',
  supervision: 'Peer supervision, line management and how often',
  training: 'Optional: peer support training, WRAP and others',
  progression: 'Optional: where the role can lead',
};

/** The draft's sections as an NHS task list: each links to its form and says whether it is done. */
export function RoleTaskList({ teamId, roleId, sections, editable }: { teamId: string; roleId: string; sections: ReadonlyArray<{ key: RoleSectionKey; title: string; complete: boolean }>; editable: boolean }) {
  return (
    <ul className="nhsuk-task-list">
      {sections.map((section) => {
        const hintId = `task-${section.key}-hint`;
        const statusId = `task-${section.key}-status`;
        const required = REQUIRED_FOR_SUBMISSION.includes(section.key);
        return (
          <li className={`nhsuk-task-list__item${editable ? ' nhsuk-task-list__item--with-link' : ''}`} key={section.key}>
            <div className="nhsuk-task-list__name-and-hint">
              {editable ? (
                <Link className="nhsuk-task-list__link nhsuk-link" href={sectionPath(teamId, roleId, section.key)} aria-describedby={`${hintId} ${statusId}`}>
                  {section.title}
                </Link>
              ) : (
                <div>{section.title}</div>
              )}
              <div className="nhsuk-task-list__hint" id={hintId}>
                {HINTS[section.key]}
              </div>
            </div>
            <div className="nhsuk-task-list__status" id={statusId}>
              {section.complete ? (
                <strong className="nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal">Completed</strong>
              ) : required ? (
                <strong className="nhsuk-tag nhsuk-tag--blue">Incomplete</strong>
              ) : (
                <strong className="nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour">Optional</strong>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

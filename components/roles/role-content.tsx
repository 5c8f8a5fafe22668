import type { ReactNode } from 'react';
import { SummaryList } from '@/components/ui/summary-list';
import {
  CONTRACT_TYPES,
  ROLE_SECTIONS,
  sectionLines,
  WORKING_DAYS,
  type RoleContent,
  type RoleSectionKey,
} from '@/lib/roles/rules';

/** The id a section's heading carries on version pages, so concerns and comparisons can link to it. */
export const sectionAnchor = (key: string) => `section-${key}`;

function Empty({ children = 'Not written yet' }: { children?: ReactNode }) {
  return <p className="nhsuk-u-secondary-text-colour">{children}</p>;
}

function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const notSet = <span className="nhsuk-u-secondary-text-colour">Not set</span>;

/** One section of a role description, read-only, in the layout that suits it. */
export function SectionBody({ content, section, emptyText }: { content: RoleContent; section: RoleSectionKey; emptyText?: string }) {
  switch (section) {
    case 'purpose':
    case 'training':
    case 'progression':
      return content[section].text ? <Paragraphs text={content[section].text} /> : <Empty>{emptyText}</Empty>;
    case 'values': {
      const { selected, notes } = content.values;
      if (selected.length === 0 && !notes) return <Empty>{emptyText}</Empty>;
      return (
        <>
          {selected.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {selected.map((value) => (
                <li key={value}>{value}</li>
              ))}
            </ul>
          ) : null}
          {notes ? <Paragraphs text={notes} /> : null}
        </>
      );
    }
    case 'responsibilities':
    case 'notPart': {
      const items = content[section].items;
      if (items.length === 0) return <Empty>{emptyText}</Empty>;
      const List = section === 'responsibilities' ? 'ol' : 'ul';
      return (
        <List className={`nhsuk-list ${section === 'responsibilities' ? 'nhsuk-list--number' : 'nhsuk-list--bullet'}`}>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </List>
      );
    }
    case 'working': {
      const working = content.working;
      return (
        <SummaryList
          rows={[
            { key: 'Contract type', value: working.contractType ? CONTRACT_TYPES[working.contractType] : notSet },
            { key: 'Hours per week', value: working.hoursPerWeek ?? notSet },
            { key: 'Working days', value: working.workingDays.length ? working.workingDays.map((day) => WORKING_DAYS[day]).join(', ') : notSet },
            { key: 'Pay band', value: working.payBand || notSet },
            { key: 'Base', value: working.base || notSet },
            { key: 'Attends team meetings', value: yesNo(working.teamMeetings) },
            { key: 'Access to the records system', value: yesNo(working.recordsAccess) },
            { key: 'Same IT as colleagues', value: yesNo(working.sameIt) },
          ]}
        />
      );
    }
    case 'supervision': {
      const arrangements = content.supervision.arrangements;
      if (arrangements.length === 0) return <Empty>{emptyText}</Empty>;
      return (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {sectionLines(content, 'supervision').map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      );
    }
  }
}

/**
 * A whole role description, section by section, each under an h2 with the id
 * `section-<key>`. `afterHeading` adds something under a section's heading
 * (a link to raise a concern about it, a count of open concerns).
 */
export function RoleDescription({
  content,
  afterHeading,
  emptyText = 'Not included in this version',
}: {
  content: RoleContent;
  afterHeading?: (key: RoleSectionKey) => ReactNode;
  emptyText?: string;
}) {
  return (
    <>
      {ROLE_SECTIONS.map((section) => (
        <section key={section.key} aria-labelledby={sectionAnchor(section.key)} className="nhsuk-u-margin-bottom-6">
          <h2 id={sectionAnchor(section.key)}>{section.title}</h2>
          {afterHeading?.(section.key)}
          <SectionBody content={content} section={section.key} emptyText={emptyText} />
        </section>
      ))}
    </>
  );
}

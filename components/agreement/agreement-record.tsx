import { REQUIREMENT_GROUP_LABELS, STAKEHOLDER_GROUP_SINGULAR } from '@/components/roles/labels';
import { DateTime } from '@/components/ui/date-time';
import { Table } from '@/components/ui/table';
import { CONTESTED_ANCHOR } from '@/components/roles/contested-activities';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import type { ContestedNotShown } from '@/lib/expectations/contested';
import type { AgreementState } from '@/lib/agreement/rules';

interface AgreementRow {
  userId: string;
  group: StakeholderGroup;
  createdAt: Date;
  user: { name: string; jobTitle: string | null };
}

/** Who agreed a version, in which stakeholder group, and when. */
export function AgreementRecord({ agreements, caption = 'Who agreed this version', captionHidden = true }: { agreements: ReadonlyArray<AgreementRow>; caption?: string; captionHidden?: boolean }) {
  if (agreements.length === 0) return <p className="nhsuk-u-secondary-text-colour">Nobody has agreed this version yet.</p>;
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      responsive
      firstCellIsHeader
      columns={[{ header: 'Name' }, { header: 'Group' }, { header: 'Agreed on' }]}
      rows={agreements.map((agreement) => ({
        key: agreement.userId,
        cells: [
          <span key="name">
            {agreement.user.name}
            {agreement.user.jobTitle ? <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-margin-bottom-0">{agreement.user.jobTitle}</span> : null}
          </span>,
          STAKEHOLDER_GROUP_SINGULAR[agreement.group],
          <DateTime key="when" value={agreement.createdAt} dateOnly />,
        ],
      }))}
    />
  );
}

/** What the team's agreement policy still needs: "1 more agreement from HR", a contested activity to settle. */
export function OutstandingRequirements({
  agreement,
  contestedHref = `#${CONTESTED_ANCHOR}`,
}: {
  agreement: Pick<AgreementState, 'outstanding' | 'openConcerns' | 'expectationsCheckMissing' | 'unsettledContested'> & {
    /** Contested activities still to settle that this person may not be shown (lib/expectations/contested.ts): said without naming or counting them. */
    contestedNotShown?: ContestedNotShown;
  };
  /** Where the list of contested activities is. */
  contestedHref?: string;
}) {
  const { outstanding, openConcerns, expectationsCheckMissing, unsettledContested, contestedNotShown = null } = agreement;
  if (outstanding.length === 0 && openConcerns === 0 && !expectationsCheckMissing && unsettledContested.length === 0 && !contestedNotShown) return null;
  return (
    <>
      <p>Before this version is agreed, it still needs:</p>
      <ul>
        {outstanding.map((requirement) => {
          const more = requirement.minimum - requirement.have;
          return (
            <li key={requirement.group}>
              {more} more {more === 1 ? 'agreement' : 'agreements'} from {REQUIREMENT_GROUP_LABELS[requirement.group]} ({requirement.have} of {requirement.minimum} so far)
            </li>
          );
        })}
        {openConcerns > 0 ? (
          <li>
            <a href="#concerns">{openConcerns === 1 ? 'the open concern' : `all ${openConcerns} open concerns`}</a> to be resolved
          </li>
        ) : null}
        {expectationsCheckMissing ? <li>an expectations check answered by people from at least 2 groups, as the team&apos;s policy asks</li> : null}
        {unsettledContested.length > 0 ? (
          <li>
            {unsettledContested.length <= 3 ? (
              <>
                {unsettledContested.length === 1 ? 'the contested activity ' : `the ${unsettledContested.length} contested activities `}
                <a href={contestedHref}>{unsettledContested.map((activity) => `“${activity.name}”`).join(', ')}</a>
              </>
            ) : (
              <a href={contestedHref}>the {unsettledContested.length} contested activities still unsettled</a>
            )}{' '}
            to be settled by the manager
          </li>
        ) : null}
        {contestedNotShown === 'UNSETTLED' ? (
          <li>
            <a href={contestedHref}>{unsettledContested.length > 0 ? 'other activities' : 'some activities'} in the expectations check</a> to be settled by the team&apos;s manager
          </li>
        ) : null}
        {contestedNotShown === 'CHECK_OPEN' ? (
          <li>
            any <a href={contestedHref}>activities the expectations check finds contested</a> to be settled by the team&apos;s manager (the check is still open)
          </li>
        ) : null}
      </ul>
    </>
  );
}

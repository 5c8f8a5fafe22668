import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { TeamRole, Weekday } from '@/lib/generated/prisma/enums';
import { WEEKDAY_LABELS } from '@/lib/onboarding/labels';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

/** "09:30" as the NHS writes times: "9:30am"; "14:00" as "2pm". */
export function formatMeetingTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) return time;
  const period = hours < 12 ? 'am' : 'pm';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  if (hours === 12 && minutes === 0) return 'midday';
  return minutes === 0 ? `${hour}${period}` : `${hour}:${String(minutes).padStart(2, '0')}${period}`;
}

export interface MeetingRow {
  id: string;
  name: string;
  day: Weekday;
  time: string;
  main: boolean;
}

/** The team's regular meetings, Monday first, each with a link to remove it. */
export function TeamMeetingsTable({ teamId, meetings }: { teamId: string; meetings: readonly MeetingRow[] }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="The team’s regular meetings (scrolls sideways on a small screen)">
      <Table
        caption="The team’s regular meetings"
        captionHidden
        firstCellIsHeader
        columns={[{ header: 'Meeting' }, { header: 'Day' }, { header: 'Time' }, { header: 'Main decision-making meeting' }, { header: <span className="nhsuk-u-visually-hidden">Actions</span> }]}
        rows={meetings.map((meeting) => ({
          key: meeting.id,
          cells: [
            meeting.name,
            WEEKDAY_LABELS[meeting.day],
            <time key="time" dateTime={meeting.time}>
              {formatMeetingTime(meeting.time)}
            </time>,
            meeting.main ? <Tag key="main" colour="blue">Main meeting</Tag> : 'No',
            <Link key="remove" href={`${teamArrangementsPath(teamId)}/meetings/${meeting.id}/remove`}>
              Remove<span className="nhsuk-u-visually-hidden"> {meeting.name}</span>
            </Link>,
          ],
        }))}
      />
    </div>
  );
}

export interface MemberSystemsRow {
  id: string;
  name: string;
  role: TeamRole;
  systemAccess: ReadonlyArray<{ id: string; system: string }>;
}

/** Each member of the team, their team role and the systems they have, each with a link to remove it. */
export function TeamSystemsTable({ teamId, members }: { teamId: string; members: readonly MemberSystemsRow[] }) {
  const path = teamArrangementsPath(teamId);
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Systems each team member has (scrolls sideways on a small screen)">
      <Table
        caption="Systems each team member has"
        captionHidden
        firstCellIsHeader
        columns={[{ header: 'Name' }, { header: 'Team role' }, { header: 'Systems', className: 'nhsuk-u-width-one-half' }]}
        rows={members.map((member) => ({
          key: member.id,
          cells: [
            member.name,
            TEAM_ROLE_LABELS[member.role],
            member.systemAccess.length === 0 ? (
              <span key="none">None recorded</span>
            ) : (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0" key="systems">
                {member.systemAccess.map((access) => (
                  <li key={access.id}>
                    {access.system}{' '}
                    <Link href={`${path}/systems/${access.id}/remove`} className="nhsuk-body-s">
                      Remove<span className="nhsuk-u-visually-hidden">
                        {' '}
                        {access.system} for {member.name}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            ),
          ],
        }))}
      />
    </div>
  );
}

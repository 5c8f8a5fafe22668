import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';

interface CatalogueActivity {
  id: string;
  name: string;
  description: string;
}

/** A catalogue of activities, with a Remove link on each when the reader may remove them. */
export function ActivityTable({
  activities,
  caption,
  removeHref,
  empty,
  highlight,
  captionHidden = false,
}: {
  activities: CatalogueActivity[];
  caption: string;
  removeHref?: (activityId: string) => string;
  empty: string;
  highlight?: string;
  /** When a heading above the table already says the same. */
  captionHidden?: boolean;
}) {
  if (activities.length === 0) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      responsive
      firstCellIsHeader
      columns={[
        { header: 'Activity', className: 'nhsuk-u-width-one-third' },
        { header: 'Description' },
        ...(removeHref ? [{ header: <span className="nhsuk-u-visually-hidden">Actions</span>, mobileHeader: '' }] : []),
      ]}
      rows={activities.map((activity) => ({
        key: activity.id,
        cells: [
          <span key="name">
            {activity.name}
            {activity.id === highlight ? (
              <>
                {' '}
                <Tag colour="green">New</Tag>
              </>
            ) : null}
          </span>,
          activity.description || <span className="nhsuk-u-secondary-text-colour">No description</span>,
          ...(removeHref
            ? [
                <Link key="remove" href={removeHref(activity.id)}>
                  Remove<span className="nhsuk-u-visually-hidden"> {activity.name}</span>
                </Link>,
              ]
            : []),
        ],
      }))}
    />
  );
}

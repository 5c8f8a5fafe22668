import Link from 'next/link';
import { sectionAnchor } from '@/components/roles/role-content';
import { DateTime } from '@/components/ui/date-time';
import { Tag } from '@/components/ui/tag';
import { sectionTitle } from '@/lib/roles/rules';

export interface ConcernView {
  id: string;
  section: string;
  comment: string;
  status: 'OPEN' | 'RESOLVED';
  createdAt: Date;
  resolvedAt: Date | null;
  resolutionReason: string | null;
  raisedById: string;
  raisedBy: { name: string };
  resolvedBy: { name: string } | null;
  replies: ReadonlyArray<{ id: string; body: string; createdAt: Date; author: { name: string } }>;
}

function Text({ text }: { text: string }) {
  return <p style={{ whiteSpace: 'pre-line' }}>{text}</p>;
}

/** One concern and its thread: what was raised, the replies, and how it was resolved. */
export function ConcernThread({ concern, headingLevel = 3, linkSection = true }: { concern: ConcernView; headingLevel?: 2 | 3; linkSection?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = sectionTitle(concern.section);
  return (
    <>
      <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        About {linkSection ? <a href={`#${sectionAnchor(concern.section)}`}>{title}</a> : title}{' '}
        {concern.status === 'OPEN' ? <Tag colour="yellow">Open</Tag> : <Tag colour="grey">Resolved</Tag>}
      </Heading>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
        Raised by {concern.raisedBy.name} on <DateTime value={concern.createdAt} />
      </p>
      <Text text={concern.comment} />
      {concern.replies.length > 0 ? (
        <ol className="nhsuk-list" aria-label={`Replies to the concern about ${title}`}>
          {concern.replies.map((reply) => (
            <li key={reply.id} className="nhsuk-inset-text nhsuk-u-margin-top-0 nhsuk-u-margin-bottom-3">
              <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
                {reply.author.name} replied on <DateTime value={reply.createdAt} />
              </p>
              <Text text={reply.body} />
            </li>
          ))}
        </ol>
      ) : null}
      {concern.status === 'RESOLVED' ? (
        <p>
          <strong>Resolved</strong>
          {concern.resolvedBy ? ` by ${concern.resolvedBy.name}` : ''}
          {concern.resolvedAt ? (
            <>
              {' '}
              on <DateTime value={concern.resolvedAt} />
            </>
          ) : null}
          {concern.resolutionReason ? `: ${concern.resolutionReason}` : '.'}
        </p>
      ) : null}
    </>
  );
}

/** The concerns on a version, open ones first, each with links to reply and to resolve. */
export function ConcernList({
  concerns,
  concernHref,
  mayReply,
  mayResolve,
}: {
  concerns: ReadonlyArray<ConcernView>;
  concernHref: (concernId: string, action: 'reply' | 'resolve') => string;
  mayReply: boolean;
  mayResolve: (concern: ConcernView) => boolean;
}) {
  if (concerns.length === 0) return <p className="nhsuk-u-secondary-text-colour">No concerns have been raised about this version.</p>;
  const sorted = [...concerns].sort((a, b) => (a.status === b.status ? 0 : a.status === 'OPEN' ? -1 : 1));
  return (
    <ul className="nhsuk-list">
      {sorted.map((concern) => (
        <li key={concern.id} id={`concern-${concern.id}`} className="nhsuk-card nhsuk-u-margin-bottom-4">
          <div className="nhsuk-card__content">
            <ConcernThread concern={concern} />
            {concern.status === 'OPEN' && (mayReply || mayResolve(concern)) ? (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {mayReply ? (
                  <li className="nhsuk-u-display-inline-block nhsuk-u-margin-right-4">
                    <Link href={concernHref(concern.id, 'reply')}>
                      Reply<span className="nhsuk-u-visually-hidden"> to the concern about {sectionTitle(concern.section)}</span>
                    </Link>
                  </li>
                ) : null}
                {mayResolve(concern) ? (
                  <li className="nhsuk-u-display-inline-block">
                    <Link href={concernHref(concern.id, 'resolve')}>
                      Resolve<span className="nhsuk-u-visually-hidden"> the concern about {sectionTitle(concern.section)}</span>
                    </Link>
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

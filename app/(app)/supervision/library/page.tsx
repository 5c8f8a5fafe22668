import type { Metadata } from 'next';
import Link from 'next/link';
import { entryPath, PROPOSE_PATH, REVIEW_PATH } from '@/components/supervision/library-paths';
import { SCOPE_LABELS } from '@/components/supervision/labels';
import { EntryStatusTag } from '@/components/supervision/status-tags';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Tag } from '@/components/ui/tag';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadLibrary } from '@/lib/supervision/load';
import { LIBRARY_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { searchLibrarySchema } from '@/lib/supervision/schemas';

export const metadata: Metadata = { title: 'Peer practice library – Supervision' };

const tagHref = (tag: string) => `${LIBRARY_PATH}?${new URLSearchParams({ tag }).toString()}`;

/**
 * The peer practice library: reflections peer workers wrote and a peer
 * supervisor approved, for the organisation or the author's team. Browsed by
 * tag and searched with PostgreSQL full-text search, best matches first.
 */
export default async function LibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const parsed = searchLibrarySchema.safeParse({ q: searchParam(query, 'q'), tag: searchParam(query, 'tag') });
  const { q, tag } = parsed.success ? parsed.data : { q: '', tag: '' };
  const page = parsePage(searchParam(query, 'page'));
  const { user, library } = await loadLibrary(q, tag, page);
  const { entries, tags, own, reviews } = library;
  const proposes = own.length > 0 || user.memberships.some((membership) => membership.role === 'PEER_WORKER');
  const filtered = Boolean(library.q || library.tag);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: SUPERVISION_PATH, label: 'Supervision' }]} />
      <h1>Peer practice library</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>What peer workers have learned about practising as a peer, in their own words and in general terms. Each entry was checked by its author and a peer supervisor so that it identifies nobody.</p>
          <form method="get" action={LIBRARY_PATH} role="search" aria-label="Library">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="q">
                Search the library
              </label>
              <div className="nhsuk-hint" id="q-hint">
                For example: boundaries, sharing my story
              </div>
              <input className="nhsuk-input" id="q" name="q" type="search" defaultValue={library.q} maxLength={200} aria-describedby="q-hint" />
            </div>
            {library.tag ? <input type="hidden" name="tag" value={library.tag} /> : null}
            <div className="nhsuk-button-group">
              <button type="submit" className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button">
                Search
              </button>
              {filtered ? (
                <Link className="nhsuk-link" href={LIBRARY_PATH}>
                  Clear the search
                </Link>
              ) : null}
            </div>
          </form>

          <section aria-labelledby="entries">
            <h2 id="entries">{library.q ? `Entries matching “${library.q}”` : 'Entries'}{library.tag ? `, tagged “${library.tag}”` : ''}</h2>
            {entries.total === 0 ? (
              <p>{filtered ? 'No entries match. Try other words, or clear the search.' : 'No entries have been published yet.'}</p>
            ) : (
              <>
                <ResultCount page={entries.page} total={entries.total} pageSize={PAGE_SIZE} noun={['entry', 'entries']} />
                <ul className="nhsuk-list nhsuk-list--border">
                  {entries.items.map((entry) => (
                    <li key={entry.id}>
                      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                        <Link href={entryPath(entry.id)}>{entry.title}</Link>
                      </h3>
                      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
                        {entry.authorName ?? 'Name not shown'}, {entry.scope === 'TEAM' ? entry.teamName : 'for everyone'}, <DateTime value={entry.createdAt} dateOnly />
                      </p>
                      <p className="nhsuk-u-margin-bottom-1">
                        {entry.excerpt}
                        {entry.excerpt.length >= 240 ? '…' : ''}
                      </p>
                      {entry.tags.length > 0 ? (
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                          Tags: {entry.tags.map((entryTag, index) => (
                            <span key={entryTag}>
                              {index > 0 ? ', ' : ''}
                              <Link href={tagHref(entryTag)}>{entryTag}</Link>
                            </span>
                          ))}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <Pagination page={entries.page} pageCount={entries.pageCount} basePath={LIBRARY_PATH} params={{ q: library.q, tag: library.tag }} label="Entries, pages" />
              </>
            )}
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          {proposes ? (
            <p>
              <Link href={PROPOSE_PATH}>Propose a reflection</Link>
            </p>
          ) : null}
          {reviews ? (
            <p>
              <Link href={REVIEW_PATH}>Proposals waiting for review</Link>
            </p>
          ) : null}
          {tags.length > 0 ? (
            <nav aria-labelledby="tags">
              <h2 id="tags" className="nhsuk-heading-s">
                Browse by tag
              </h2>
              <ul className="nhsuk-list">
                {tags.map((row) => (
                  <li key={row.tag}>
                    {row.tag === library.tag ? (
                      <>
                        <Tag colour="blue">{row.tag}</Tag> ({row.entries}) <Link href={LIBRARY_PATH}>Show all</Link>
                      </>
                    ) : (
                      <>
                        <Link href={tagHref(row.tag)}>{row.tag}</Link> ({row.entries})
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {own.length > 0 ? (
            <section aria-labelledby="own">
              <h2 id="own" className="nhsuk-heading-s">
                Your entries
              </h2>
              <ul className="nhsuk-list nhsuk-list--border">
                {own.map((entry) => (
                  <li key={entry.id}>
                    <Link href={entryPath(entry.id)}>{entry.title}</Link>
                    <br />
                    <EntryStatusTag status={entry.status} /> <span className="nhsuk-body-s">{SCOPE_LABELS[entry.scope]}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

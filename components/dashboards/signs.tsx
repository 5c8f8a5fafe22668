import Link from 'next/link';
import { Table } from '@/components/ui/table';
import { Tag, type TagColour } from '@/components/ui/tag';
import { formatValue, INDICATORS, LEVEL_LABELS, SIGN_SHORT_TITLES, SIGN_TITLES, SIGNS, type Level, type Sign, type SignReading, type Thresholds } from '@/lib/dashboards/signals';

const LEVEL_COLOURS: Record<Level, TagColour> = { RED: 'red', AMBER: 'orange', GREEN: 'green', NONE: 'grey' };

/** A level as a tag: its word says it, the colour only repeats it. */
export function LevelTag({ level }: { level: Level }) {
  return <Tag colour={LEVEL_COLOURS[level]}>{LEVEL_LABELS[level]}</Tag>;
}

/** "Amber from 1, red from 2" or "amber at 40% or below, red at 20% or below": an indicator's thresholds in words. */
export function thresholdWords(key: keyof Thresholds, thresholds: Thresholds): string {
  const { amber, red } = thresholds[key];
  return INDICATORS[key].direction === 'HIGHER_IS_WORSE'
    ? `Amber from ${formatValue(key, amber)}, red from ${formatValue(key, red)}`
    : `Amber at ${formatValue(key, amber)} or below, red at ${formatValue(key, red)} or below`;
}

/**
 * The four signs for a team or the organisation: each with its level and,
 * beside it, the figures behind it, what each counts and where it turns
 * amber and red.
 */
export function SignsSummary({ signs, thresholds, headingLevel = 2 }: { signs: Record<Sign, SignReading>; thresholds: Thresholds; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {SIGNS.map((sign) => (
        <section key={sign} aria-labelledby={`sign-${sign}`}>
          <Heading id={`sign-${sign}`}>
            {SIGN_TITLES[sign]} <LevelTag level={signs[sign].level} />
          </Heading>
          <Table
            caption={`${SIGN_TITLES[sign]}: the figures behind it`}
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Indicator', className: 'nhsuk-u-width-one-quarter' }, { header: 'Figure', numeric: true }, { header: 'Level' }, { header: 'What it counts', className: 'nhsuk-u-width-one-half' }]}
            rows={signs[sign].indicators.map((indicator) => ({
              key: indicator.key,
              cells: [
                INDICATORS[indicator.key].label,
                formatValue(indicator.key, indicator.value),
                <LevelTag key="level" level={indicator.level} />,
                <>
                  {INDICATORS[indicator.key].definition} <span className="nhsuk-u-secondary-text-colour">{thresholdWords(indicator.key, thresholds)}.</span>
                </>,
              ],
            }))}
          />
        </section>
      ))}
    </>
  );
}

/** Teams (or service types) against the four signs, one row each; the first cell names the row. */
export function SignsTable({
  caption,
  firstColumn,
  rows,
  sortHref,
  sortedBy,
}: {
  caption: string;
  firstColumn: string;
  rows: ReadonlyArray<{ key: string; name: React.ReactNode; detail?: React.ReactNode; signs: Record<Sign, SignReading> }>;
  /** Column headers become links that sort by them (worst first), where the table can be sorted. */
  sortHref?: (sort: 'name' | Sign) => string;
  sortedBy?: 'name' | Sign;
}) {
  const header = (sort: 'name' | Sign, label: string) =>
    sortHref ? (
      <Link href={sortHref(sort)} aria-current={sortedBy === sort ? 'true' : undefined}>
        {label}
        {sortedBy === sort ? <span className="nhsuk-u-visually-hidden"> (sorted{sort === 'name' ? ' by name' : ', worst first'})</span> : null}
      </Link>
    ) : (
      label
    );
  return (
    <Table
      caption={caption}
      responsive
      firstCellIsHeader
      // Short headings (the signs are named in full above the table): a trust's teams make a long table.
      columns={[{ header: header('name', firstColumn), mobileHeader: firstColumn }, ...SIGNS.map((sign) => ({ header: header(sign, SIGN_SHORT_TITLES[sign]), mobileHeader: SIGN_SHORT_TITLES[sign] }))]}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          <>
            {row.name}
            {row.detail ? <span className="nhsuk-u-display-block nhsuk-u-font-size-16 nhsuk-u-secondary-text-colour">{row.detail}</span> : null}
          </>,
          ...SIGNS.map((sign) => <LevelTag key={sign} level={row.signs[sign].level} />),
        ],
      }))}
    />
  );
}

import styles from '@/components/supervision/check-in-chart.module.css';
import { Table } from '@/components/ui/table';
import { LEVEL_LABELS, LEVELS, SIGN_SHORT_TITLES, SIGN_TITLES, SIGNS, type Level, type Sign } from '@/lib/dashboards/signals';

/*
 * How many teams are red, amber or green on each sign, as stacked bars drawn
 * on the server in SVG: no JavaScript, prints. Each level has its own pattern
 * (hatching for red, dots for amber, solid for green, plain for nothing to
 * measure) and its count written on it where it fits, so colour is never the
 * only way to tell; the chart has a title and a description, and the same
 * counts are in the table after it.
 */

const FILL: Record<Level, string> = { RED: '#d5281b', AMBER: '#ed8b00', GREEN: '#007f3b', NONE: '#d8dde0' };
const TEXT: Record<Level, string> = { RED: '#ffffff', AMBER: '#212b32', GREEN: '#ffffff', NONE: '#212b32' };

const WIDTH = 720;
const ROW = 44;
const LABEL = 130;
const TOP = 8;

export function LevelsChart({ distribution, id }: { distribution: Record<Sign, Record<Level, number>>; id: string }) {
  const total = Math.max(1, ...SIGNS.map((sign) => LEVELS.reduce((sum, level) => sum + distribution[sign][level], 0)));
  const height = TOP * 2 + SIGNS.length * ROW;
  const barWidth = WIDTH - LABEL - 16;
  const description = `${SIGNS.map((sign) => `${SIGN_TITLES[sign]}: ${LEVELS.map((level) => `${distribution[sign][level]} ${LEVEL_LABELS[level].toLowerCase()}`).join(', ')}`).join('. ')}. The same counts are in the table after the chart.`;
  return (
    <figure className="nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className={styles.chart} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>How many teams are red, amber and green on each sign</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-RED`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill={FILL.RED} />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="2" strokeOpacity="0.45" />
          </pattern>
          <pattern id={`${id}-AMBER`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={FILL.AMBER} />
            <circle cx="4" cy="4" r="1.5" fill="#212b32" fillOpacity="0.5" />
          </pattern>
        </defs>
        <g aria-hidden="true">
          {SIGNS.map((sign, row) => {
            const y = TOP + row * ROW;
            let x = LABEL;
            return (
              <g key={sign}>
                <text x={LABEL - 10} y={y + ROW / 2 + 5} textAnchor="end" fontSize="14" fill="#212b32">
                  {SIGN_SHORT_TITLES[sign]}
                </text>
                {LEVELS.map((level) => {
                  const count = distribution[sign][level];
                  const width = (count / total) * barWidth;
                  const start = x;
                  x += width;
                  if (count === 0) return null;
                  return (
                    <g key={level}>
                      <rect x={start} y={y + 6} width={width} height={ROW - 12} fill={level === 'RED' || level === 'AMBER' ? `url(#${id}-${level})` : FILL[level]} stroke="#ffffff" strokeWidth="1" />
                      {width >= 28 ? (
                        <text x={start + width / 2} y={y + ROW / 2 + 5} textAnchor="middle" fontSize="13" fontWeight="bold" fill={TEXT[level]} stroke={level === 'RED' || level === 'AMBER' ? FILL[level] : 'none'} strokeWidth="3" paintOrder="stroke">
                          {count}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <p className="nhsuk-body-s">
          Each bar is every team, split by its level on that sign: red hatched, amber dotted, green solid, and grey where there is nothing to measure.
        </p>
      </figcaption>
      <Table
        caption="Teams at each level, by sign"
        captionSize="s"
        responsive
        firstCellIsHeader
        columns={[{ header: 'Sign' }, ...LEVELS.map((level) => ({ header: LEVEL_LABELS[level], numeric: true }))]}
        rows={SIGNS.map((sign) => ({ key: sign, cells: [SIGN_TITLES[sign], ...LEVELS.map((level) => distribution[sign][level])] }))}
      />
    </figure>
  );
}

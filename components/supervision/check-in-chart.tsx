import styles from '@/components/supervision/check-in-chart.module.css';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING, type CheckInQuestion } from '@/lib/supervision/rules';

/*
 * A peer worker's own check-ins over time, drawn on the server as SVG: it
 * needs no JavaScript and prints. Each question has its own line pattern and
 * marker shape as well as its colour, so no reader depends on colour; the
 * chart has a title and a description, and the same answers are in the table
 * beside it.
 */

export interface ChartPoint {
  id: string;
  /** Under the axis: "3 Mar", "Jan to Mar 2026". */
  label: string;
  /** In the description: "3 March 2026". */
  longLabel: string;
  answers: Record<CheckInQuestion, number>;
}

const short = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' });
const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** A person's own check-ins as chart points, labelled by the day they answered. */
export const checkInPoints = (checkIns: ReadonlyArray<{ id: string; answeredAt: Date; answers: Record<CheckInQuestion, number> }>): ChartPoint[] =>
  checkIns.map((checkIn) => ({ id: checkIn.id, label: short.format(checkIn.answeredAt), longLabel: long.format(checkIn.answeredAt), answers: checkIn.answers }));

// NHS colours with at least 3:1 contrast on white, each with its own dash pattern and marker.
const STYLE: Record<CheckInQuestion, { colour: string; dash: string; marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' }> = {
  supported: { colour: '#005eb8', dash: '', marker: 'circle' },
  clearRole: { colour: '#007f3b', dash: '10 5', marker: 'square' },
  equalMember: { colour: '#330072', dash: '2 5', marker: 'triangle' },
  experienceValued: { colour: '#7c2855', dash: '14 5 3 5', marker: 'diamond' },
  practiseAsPeer: { colour: '#212b32', dash: '5 5', marker: 'cross' },
};

const WIDTH = 720;
const HEIGHT = 340;
const MARGIN = { top: 16, right: 24, bottom: 48, left: 44 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

function Marker({ shape, x, y, colour }: { shape: (typeof STYLE)[CheckInQuestion]['marker']; x: number; y: number; colour: string }) {
  const r = 5;
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={colour} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} fill={colour} />;
    case 'triangle':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={colour} />;
    case 'cross':
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} stroke={colour} strokeWidth={2.5} fill="none" />;
  }
}

/** The small sample of a question's line and marker, for the key. */
function Swatch({ question }: { question: CheckInQuestion }) {
  const style = STYLE[question];
  return (
    <svg width="48" height="16" viewBox="0 0 48 16" aria-hidden="true" focusable="false" className={styles.swatch}>
      <line x1="2" y1="8" x2="46" y2="8" stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash || undefined} />
      <Marker shape={style.marker} x={24} y={8} colour={style.colour} />
    </svg>
  );
}

/**
 * Answers (or averages) per question over time, a point each check-in or
 * quarter, oldest first. `what` names them in the description ("check-in",
 * "quarter"); `note` adds a sentence (say, which quarters are withheld).
 */
export function CheckInChart({ points, id, title = 'Your check-in answers over time', what = ['check-in', 'check-ins'], note }: { points: readonly ChartPoint[]; id: string; title?: string; what?: [string, string]; note?: string }) {
  if (points.length === 0) return null;
  const x = (index: number) => MARGIN.left + (points.length === 1 ? PLOT_W / 2 : (index / (points.length - 1)) * PLOT_W);
  const y = (answer: number) => MARGIN.top + ((5 - answer) / 4) * PLOT_H;
  // Date labels that do not run into each other: at most about eight along the axis.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const first = points[0];
  const last = points[points.length - 1];
  const description = [
    `${points.length} ${points.length === 1 ? what[0] : what[1]}, from ${first.longLabel} to ${last.longLabel}, each question answered from 1 (strongly disagree) to 5 (strongly agree).`,
    `Latest: ${CHECK_IN_QUESTIONS.map((question) => `${CHECK_IN_WORDING[question]}, ${Number(last.answers[question].toFixed(1))}`).join('; ')}.`,
    ...(note ? [note] : []),
    'The same figures are in the table below the chart.',
  ].join(' ');
  return (
    <figure className="nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.chart} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g aria-hidden="true">
          {[1, 2, 3, 4, 5].map((answer) => (
            <g key={answer}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(answer)} y2={y(answer)} stroke="#d8dde0" strokeWidth={1} />
              <text x={MARGIN.left - 12} y={y(answer) + 5} textAnchor="end" fontSize="14" fill="#4c6272">
                {answer}
              </text>
            </g>
          ))}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + PLOT_H} y2={MARGIN.top + PLOT_H} stroke="#4c6272" strokeWidth={1} />
          {points.map((point, index) =>
            index % every === 0 || index === points.length - 1 ? (
              <text key={point.id} x={x(index)} y={HEIGHT - MARGIN.bottom + 22} textAnchor="middle" fontSize="13" fill="#4c6272">
                {point.label}
              </text>
            ) : null,
          )}
          {CHECK_IN_QUESTIONS.map((question) => {
            const style = STYLE[question];
            return (
              <g key={question}>
                {points.length > 1 ? (
                  <polyline
                    points={points.map((point, index) => `${x(index)},${y(point.answers[question])}`).join(' ')}
                    fill="none"
                    stroke={style.colour}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash || undefined}
                    strokeLinejoin="round"
                  />
                ) : null}
                {points.map((point, index) => (
                  <Marker key={point.id} shape={style.marker} x={x(index)} y={y(point.answers[question])} colour={style.colour} />
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <h3 className="nhsuk-heading-xs nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-2">Key</h3>
        <ul className="nhsuk-list nhsuk-body-s">
          {CHECK_IN_QUESTIONS.map((question) => (
            <li key={question}>
              <Swatch question={question} />
              {CHECK_IN_WORDING[question]}
            </li>
          ))}
        </ul>
        <p className="nhsuk-body-s">Answers go from 1 (strongly disagree) at the bottom to 5 (strongly agree) at the top. Lines that overlap share an answer.</p>
      </figcaption>
    </figure>
  );
}

import { teamTables } from '@/components/dashboards/team-tables';
import { DEFAULT_THRESHOLDS } from '@/lib/dashboards/signals';

/*
 * A team view's tables (issue 13 §2, §6) are built once for the page and its
 * CSV: here, on hand-made views, that a part the person may not see has no
 * table, that a withheld check-in quarter carries no figure and says why,
 * and that supervision and onboarding read as the page words them.
 */

const TEAM = '00000000-0000-4000-8000-000000000001';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function view(overrides: Partial<Parameters<typeof teamTables>[0]['detail']> = {}, checkIns: Parameters<typeof teamTables>[0]['checkIns'] = null): Parameters<typeof teamTables>[0] {
  return {
    team: { id: TEAM, name: 'Northbrook', serviceType: 'COMMUNITY_MENTAL_HEALTH', archived: false },
    thresholds: DEFAULT_THRESHOLDS,
    computedAt: null,
    checkInsWithheld: false,
    measures: null,
    signs: null,
    detail: {
      draftsRoles: false,
      roles: null,
      pipeline: null,
      placements: null,
      supervision: null,
      library: { quarters: [{ quarter: '2026-Q4', entries: 2 }], newest: [] },
      ...overrides,
    },
    checkIns,
  } as Parameters<typeof teamTables>[0];
}

describe('a team view’s tables', () => {
  it('has no table for a part the person may not see, and always the library', () => {
    const tables = teamTables(view());
    for (const key of ['signs', 'roles', 'vacancies', 'candidates', 'onboarding', 'parity', 'supervision', 'check-ins'] as const) expect(tables[key]).toBeNull();
    expect(tables.library?.rows).toEqual([{ key: '2026-Q4', cells: ['October to December 2026', 2] }]);
  });

  it('withholds a check-in quarter’s figures with the reason, and shows a shown one to one decimal', () => {
    const averages = { supported: 3.94, clearRole: 3.75, equalMember: 4, experienceValued: 3.5, practiseAsPeer: 3.04 };
    const tables = teamTables(
      view({}, {
        threshold: 5,
        quarters: [
          { quarter: '2026-Q3', stale: false, countsOthersOnly: false, figure: { shown: true, averages } },
          { quarter: '2026-Q2', stale: false, countsOthersOnly: false, figure: { shown: false, reason: 'TOO_FEW' } },
          { quarter: '2026-Q1', stale: false, countsOthersOnly: false, figure: { shown: false, reason: 'WOULD_REVEAL' } },
          { quarter: '2025-Q4', stale: true, countsOthersOnly: false, figure: { shown: false, reason: 'TOO_FEW' } },
        ],
      }),
    );
    const rows = tables['check-ins']!.rows.map((row) => row.cells);
    expect(tables['check-ins']!.header).toHaveLength(7);
    expect(rows[0]).toEqual(['July to September 2026', '3.9', '3.8', '4.0', '3.5', '3.0', null]);
    expect(rows[1]).toEqual(['April to June 2026', null, null, null, null, null, 'Fewer than 5 peer workers answered']);
    expect(rows[2]).toEqual(['January to March 2026', null, null, null, null, null, 'Withheld so that a smaller group cannot be worked out']);
    expect(rows[3][6]).toMatch(/worked out again under the current threshold/u);
  });

  it('words supervision per type, with no agreement and no sessions said as such', () => {
    const tables = teamTables(
      view({
        supervision: [
          { placementId: 'p1', personName: 'Leon Walsh', agreementId: 'a1', sessions: 8, peerSessions: 2, types: [{ type: 'PEER', everyWeeks: 4, due: day('2026-11-01'), state: 'OVERDUE' }] },
          { placementId: 'p2', personName: 'Hannah Kowalski', agreementId: null, sessions: 0, peerSessions: 0, types: [] },
        ],
      }),
    );
    const [leon, hannah] = tables.supervision!.rows;
    expect(leon.href).toBe('/supervision/agreements/a1');
    expect(leon.cells).toEqual(['Leon Walsh', 'Overdue, 1 Nov 2026', 'Not arranged', 'Not arranged', 'Not arranged', 8, '2 of 8 (25%)']);
    expect(hannah.href).toBeUndefined();
    expect(hannah.cells).toEqual(['Hannah Kowalski', 'No agreement yet', 'No agreement yet', 'No agreement yet', 'No agreement yet', 0, 'No sessions yet']);
  });

  it('lists each open parity issue of each placement, and the onboarding counts', () => {
    const tables = teamTables(
      view({
        placements: [
          { placementId: 'p1', personName: 'Jade Thompson', startDate: day('2026-10-28'), contractType: 'FIXED_TERM', tasks: 12, completed: 5, overdue: 4, cannotStart: 1, openParity: ['MEETING_ON_DAY_OFF', 'SYSTEMS_ACCESS'] },
          { placementId: 'p2', personName: 'Marcus Bennett', startDate: day('2026-03-02'), contractType: 'PERMANENT', tasks: 12, completed: 12, overdue: 0, cannotStart: 0, openParity: [] },
        ],
      }),
    );
    expect(tables.onboarding!.rows[0].cells).toEqual(['Jade Thompson', day('2026-10-28'), 'Fixed-term', 5, 12, 4, 1, 2]);
    expect(tables.parity!.rows.map((row) => row.cells)).toEqual([
      ['Jade Thompson', 'A team meeting on a day they do not work'],
      ['Jade Thompson', 'Systems access colleagues have'],
    ]);
  });
});

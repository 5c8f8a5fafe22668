import { agreedRolesByTeam } from '@/lib/agreement/gate';
import { db, lockKey, type Tx } from '@/lib/db';
import { levelColumns, readThresholds } from '@/lib/dashboards/levels';
import { addMeasures, BOUNDARY_TOPICS, EMPTY_MEASURES, INSECURE_CONTRACTS, LIVED_EXPERIENCE_TOPICS, type Measures } from '@/lib/dashboards/signals';
import { unsettledContestedByTeam } from '@/lib/expectations/gate';
import { peerWorkersByTeam, placementMeasuresByTeam } from '@/lib/onboarding/gate';
import { appointmentsByTeam } from '@/lib/recruitment/gate';
import { latestCheckInAverages, supervisionMeasuresByTeam } from '@/lib/supervision/gate';
import { calendarDay } from '@/lib/supervision/rules';

/*
 * The `dashboards.measures` job (issue 13 §7: fast at a trust's size): each
 * night, after the check-in figures are worked out, it counts for every team
 * what the early-warning signs read (lib/dashboards/signals.ts Measures),
 * each count taken from the workflow that owns it through its gate, and
 * stores them in TeamMeasures with each team's level on each sign, and the
 * organisation's and each service type's sums with its own check-in averages
 * in OrganisationMeasures. Pages read those rows and say when they were
 * taken; a change of thresholds re-levels the teams at once
 * (lib/dashboards/levels.ts).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The window for "in the last 12 months". */
export const MEASURE_DAYS = 365;

export interface MeasuresRun {
  teams: number;
  computedAt: Date;
}

async function measureIn(tx: Tx, now: Date): Promise<MeasuresRun> {
  // One run at a time: the nightly job and a run from the seed never interleave their writes.
  await lockKey(tx, 'dashboard-measures');
  // And against a change of thresholds: its new levels must not be overwritten with levels under the old ones.
  await lockKey(tx, 'dashboard-settings');
  const since = new Date(now.getTime() - MEASURE_DAYS * DAY_MS);
  const today = calendarDay(now);
  const [teams, contested, appointments, peerWorkers, placements, supervision, checkIns, agreed, { thresholds }] = await Promise.all([
    tx.team.findMany({ where: { archivedAt: null }, select: { id: true, serviceType: true } }),
    unsettledContestedByTeam(tx),
    appointmentsByTeam(tx, since),
    peerWorkersByTeam(tx),
    placementMeasuresByTeam(tx, { insecureContracts: INSECURE_CONTRACTS }),
    supervisionMeasuresByTeam(tx, { since, today, boundaryTopics: BOUNDARY_TOPICS, livedExperienceTopics: LIVED_EXPERIENCE_TOPICS }),
    latestCheckInAverages(tx),
    agreedRolesByTeam(tx),
    readThresholds(tx),
  ]);
  const measuresOf = (teamId: string): Measures => {
    const appointed = appointments.get(teamId);
    const people = peerWorkers.get(teamId);
    const placed = placements.get(teamId);
    const supervised = supervision.get(teamId);
    const figures = checkIns.teams.get(teamId);
    const roles = agreed.get(teamId);
    return {
      ...EMPTY_MEASURES,
      rolesWithUnsettledContested: contested.get(teamId)?.length ?? 0,
      appointments: appointed?.appointments ?? 0,
      directApproachAppointments: appointed?.directApproach ?? 0,
      peerWorkers: people?.peerWorkers ?? 0,
      peerWorkersWithoutAgreedRole: people?.withoutAgreedRole ?? 0,
      openParityIssues: placed?.openParityIssues ?? 0,
      placements: placed?.placements ?? 0,
      insecurePlacements: placed?.insecurePlacements ?? 0,
      mainMeetingOnDayOff: placed?.mainMeetingOnDayOff ?? 0,
      sessions: supervised?.sessions ?? 0,
      peerSessions: supervised?.peerSessions ?? 0,
      withoutPeerSupervision: supervised?.withoutPeerSupervision ?? 0,
      boundaryTopics: supervised?.boundaryTopics ?? 0,
      livedExperienceTopics: supervised?.livedExperienceTopics ?? 0,
      clearRole: figures?.clearRole ?? null,
      practiseAsPeer: figures?.practiseAsPeer ?? null,
      libraryEntries: supervised?.libraryEntries ?? 0,
      agreedRoles: roles?.agreedRoles ?? 0,
      agreedWithoutPeerWorker: roles?.withoutPeerWorker ?? 0,
    };
  };
  const computedAt = new Date();
  const measured = teams.map((team) => ({ ...team, measures: measuresOf(team.id) }));
  await tx.teamMeasures.deleteMany({});
  await tx.teamMeasures.createMany({ data: measured.map((team) => ({ teamId: team.id, measures: { ...team.measures }, computedAt, unsettledRoleIds: contested.get(team.id) ?? [], ...levelColumns(team.measures, thresholds) })) });
  // A service type's check-in averages are not worked out under the small-numbers rule, so none are kept for it.
  const serviceTypes = [...new Set(measured.map((team) => team.serviceType))].sort().map((serviceType) => {
    const ofType = measured.filter((team) => team.serviceType === serviceType);
    return { serviceType, teams: ofType.length, measures: { ...addMeasures(ofType.map((team) => team.measures), { clearRole: null, practiseAsPeer: null }) } };
  });
  const organisation = {
    clearRole: checkIns.organisation.clearRole,
    practiseAsPeer: checkIns.organisation.practiseAsPeer,
    checkInQuarter: checkIns.quarter,
    computedAt,
    measures: { ...addMeasures(measured.map((team) => team.measures), checkIns.organisation) },
    serviceTypes,
  };
  await tx.organisationMeasures.upsert({ where: { id: 1 }, create: { id: 1, ...organisation }, update: organisation });
  return { teams: teams.length, computedAt };
}

/** Counts every team's measures afresh, in one transaction: the job's own, or the caller's. */
export async function takeMeasures({ tx, now = new Date() }: { tx?: Tx; now?: Date } = {}): Promise<MeasuresRun> {
  if (tx) return measureIn(tx, now);
  return db.$transaction((inner) => measureIn(inner, now), { timeout: 300_000 });
}

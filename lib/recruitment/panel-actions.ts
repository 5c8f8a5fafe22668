'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { candidateScope, vacancyScope } from '@/lib/recruitment/access';
import { candidateLabel, STAGE_LABELS } from '@/lib/recruitment/labels';
import { tellScoresIn } from '@/lib/recruitment/notifications';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { lockVacancy, notOnPanel, openCandidate, requireNoConflict, requireNotPurged, requireStatus, specificationCriteria, stageScores } from '@/lib/recruitment/records';
import { criteriaForStage, declarationsCover, scoringStageOf } from '@/lib/recruitment/rules';
import { confirmDeclarationsSchema, correctScoreSchema, declareConflictSchema, moderationNoteSchema, saveScoresSchema, withdrawConflictSchema } from '@/lib/recruitment/schemas';

/*
 * What a panel member does on their own vacancy: declare conflicts of interest
 * against the list of names, then score each candidate independently. A draft
 * is theirs alone; a submitted sheet is final (a correction is a new entry).
 */

async function seatOf(tx: Tx, vacancyId: string, userId: string) {
  const seat = await tx.panelMember.findUnique({ where: { vacancyId_userId: { vacancyId, userId } }, select: { id: true, shortlisting: true, interview: true, conflictsDeclaredAt: true } });
  if (!seat) throw notOnPanel();
  return seat;
}

const DECLARING = ['DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING'] as const;

async function candidateByKey(tx: Tx, vacancyId: string, declarationKey: string) {
  const candidate = await tx.candidate.findFirst({ where: { vacancyId, declarationKey }, select: { id: true } });
  if (!candidate) throw fieldError('declarationKey', 'That candidate is not on this vacancy');
  return candidate;
}

export const declareConflict = defineAction({
  name: 'recruitment.conflict.declare',
  permission: 'recruitment.panel',
  input: declareConflictSchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    requireStatus(vacancy, DECLARING, 'Declarations can no longer change: the vacancy has been decided.');
    const seat = await seatOf(tx, vacancy.id, user.id);
    const candidate = await candidateByKey(tx, vacancy.id, input.declarationKey);
    // At shortlisting a new declaration would show which "Candidate N" a name is: once a member has confirmed, a
    // conflict found then is raised with the chair. From the interview stage names are shown, so it can be declared.
    if (vacancy.status === 'SHORTLISTING' && seat.conflictsDeclaredAt) {
      throw new ActionError('CONFLICT', 'Shortlisting has started and you confirmed your declarations: tell the chair about this conflict of interest instead.');
    }
    // Scores already submitted stay in the matrix: a late declaration cannot take them out after seeing everyone's.
    if (await tx.scoreSheet.findFirst({ where: { candidateId: candidate.id, userId: user.id, submittedAt: { not: null } }, select: { id: true } })) {
      throw new ActionError('CONFLICT', 'You have already submitted scores for this candidate: tell the chair about this conflict of interest.');
    }
    await tx.conflictDeclaration.upsert({
      where: { candidateId_userId: { candidateId: candidate.id, userId: user.id } },
      create: { vacancyId: vacancy.id, candidateId: candidate.id, userId: user.id, kind: input.kind, note: input.note || null },
      update: { kind: input.kind, note: input.note || null },
    });
    // Which candidate is not said here: the audit log is read by administrators, who see no candidates.
    await audit({ action: 'recruitment.conflict.declare', recordType: 'Vacancy', recordId: vacancy.id, summary: `Declared a conflict of interest with a candidate for "${vacancy.title}"` });
    return { vacancyId: vacancy.id };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

export const withdrawConflict = defineAction({
  name: 'recruitment.conflict.withdraw',
  permission: 'recruitment.panel',
  input: withdrawConflictSchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    requireStatus(vacancy, ['DRAFT', 'OPEN'], 'A declaration cannot be withdrawn once shortlisting has started: ask the chair.');
    await seatOf(tx, vacancy.id, user.id);
    const candidate = await candidateByKey(tx, vacancy.id, input.declarationKey);
    const { count } = await tx.conflictDeclaration.deleteMany({ where: { candidateId: candidate.id, userId: user.id } });
    if (count === 0) throw new ActionError('CONFLICT', 'You have no declaration about this candidate.');
    await audit({ action: 'recruitment.conflict.withdraw', recordType: 'Vacancy', recordId: vacancy.id, summary: `Withdrew a conflict of interest declaration for "${vacancy.title}"` });
    return { vacancyId: vacancy.id };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

export const confirmDeclarations = defineAction({
  name: 'recruitment.conflicts.confirm',
  permission: 'recruitment.panel',
  input: confirmDeclarationsSchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    requireStatus(vacancy, DECLARING, 'The vacancy has been decided.');
    const seat = await seatOf(tx, vacancy.id, user.id);
    if ((await tx.candidate.count({ where: { vacancyId: vacancy.id } })) === 0) throw new ActionError('CONFLICT', 'There are no candidates to declare against yet.');
    await tx.panelMember.update({ where: { id: seat.id }, data: { conflictsDeclaredAt: new Date() } });
    await audit({ action: 'recruitment.conflicts.confirm', recordType: 'Vacancy', recordId: vacancy.id, summary: `Confirmed their conflict of interest declarations for "${vacancy.title}"` });
    return { vacancyId: vacancy.id };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

/** What scoring a candidate at a stage requires of this member, checked before any score is written or read back. */
async function requireMayScore(tx: Tx, candidate: { id: string; vacancyId: string; shortlistOutcome: string | null }, vacancy: { status: Parameters<typeof scoringStageOf>[0] }, userId: string, stage: ScoringStage) {
  if (scoringStageOf(vacancy.status) !== stage) throw new ActionError('CONFLICT', `${STAGE_LABELS[stage]} scoring is not open for this vacancy.`);
  const seat = await seatOf(tx, candidate.vacancyId, userId);
  if (!(stage === 'SHORTLISTING' ? seat.shortlisting : seat.interview)) throw new ActionError('FORBIDDEN', `You are not on the ${STAGE_LABELS[stage].toLowerCase()} panel.`);
  const latest = await tx.candidate.aggregate({ where: { vacancyId: candidate.vacancyId }, _max: { createdAt: true } });
  if (!declarationsCover(seat.conflictsDeclaredAt, latest._max.createdAt)) {
    throw new ActionError('CONFLICT', 'Confirm your conflict of interest declarations against the list of candidates before scoring.');
  }
  await requireNoConflict(tx, candidate.id, userId, 'score them');
  if (stage === 'INTERVIEW' && candidate.shortlistOutcome !== 'INVITED') throw new ActionError('CONFLICT', 'This candidate was not invited to interview.');
}

export const saveScores = defineAction({
  name: 'recruitment.scores.save',
  permission: 'recruitment.panel',
  input: saveScoresSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, user, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    await requireMayScore(tx, candidate, vacancy, user.id, input.stage);
    const criteria = criteriaForStage(await specificationCriteria(tx, vacancy.specificationId), input.stage);
    const known = new Set(criteria.map((criterion) => criterion.id));
    if (Object.keys(input.scores).some((criterionId) => !known.has(criterionId))) throw fieldError('scores', 'A score names a criterion that is not scored at this stage');
    if (input.intent === 'submit') {
      const missing: Record<string, string[]> = {};
      for (const criterion of criteria) {
        const given = input.scores[criterion.id];
        if (given?.score === undefined) missing[`scores.${criterion.id}.score`] = [`Select a score for “${criterion.wording.slice(0, 80)}”`];
        else if (!given.evidence) missing[`scores.${criterion.id}.evidence`] = [`Enter the evidence for your score for “${criterion.wording.slice(0, 80)}”`];
      }
      if (Object.keys(missing).length > 0) throw new ActionError('VALIDATION', 'Score every criterion, with the evidence for each, before you submit.', missing);
    }
    const existing = await tx.scoreSheet.findUnique({ where: { candidateId_userId_stage: { candidateId: candidate.id, userId: user.id, stage: input.stage } }, select: { id: true, submittedAt: true } });
    if (existing?.submittedAt) throw new ActionError('CONFLICT', 'You have already submitted these scores: a submitted score is never edited. Record a correction with a reason instead.');
    const sheet = existing ?? (await tx.scoreSheet.create({ data: { candidateId: candidate.id, userId: user.id, stage: input.stage }, select: { id: true, submittedAt: true } }));
    await tx.score.deleteMany({ where: { sheetId: sheet.id } });
    const rows = criteria.flatMap((criterion) => {
      const given = input.scores[criterion.id];
      return given?.score === undefined ? [] : [{ sheetId: sheet.id, criterionId: criterion.id, score: given.score, evidence: given.evidence || null }];
    });
    if (rows.length > 0) await tx.score.createMany({ data: rows });
    const submitted = input.intent === 'submit';
    await tx.scoreSheet.update({ where: { id: sheet.id }, data: { submittedAt: submitted ? new Date() : null } });
    if (submitted) {
      const state = await stageScores(tx, candidate, input.stage);
      if (state.complete) await tellScoresIn(tx, vacancy, candidate.id, state.eligible.map((member) => member.userId), user.id);
    }
    await audit({
      action: 'recruitment.scores.save',
      recordType: 'Candidate',
      recordId: candidate.id,
      summary: `${submitted ? 'Submitted' : 'Saved a draft of'} ${STAGE_LABELS[input.stage].toLowerCase()} scores for ${candidateLabel(candidate.number)}`,
    });
    return { vacancyId: vacancy.id, candidateId: candidate.id, submitted };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId), vacancyPath(data.vacancyId)],
});

export const correctScore = defineAction({
  name: 'recruitment.score.correct',
  permission: 'recruitment.panel',
  input: correctScoreSchema,
  scope: async (input, tx, user) => {
    const score = await tx.score.findUnique({ where: { id: input.scoreId }, select: { sheet: { select: { candidateId: true } } } });
    return score ? candidateScope(tx, score.sheet.candidateId, user) : null;
  },
  async run({ input, user, tx, audit }) {
    const original = await tx.score.findUniqueOrThrow({
      where: { id: input.scoreId },
      select: { id: true, sheetId: true, criterionId: true, score: true, correctedBy: { select: { id: true } }, sheet: { select: { userId: true, submittedAt: true, stage: true, candidateId: true } } },
    });
    // Only the author corrects their own score; nobody learns of anyone else's score by trying.
    if (original.sheet.userId !== user.id) throw new ActionError('NOT_FOUND', 'That score is not one of yours.');
    if (!original.sheet.submittedAt) throw new ActionError('CONFLICT', 'These scores are still a draft: change them on the scoring page.');
    if (original.correctedBy) throw new ActionError('CONFLICT', 'This score has already been corrected: correct the latest entry.');
    const { candidate, vacancy } = await openCandidate(tx, original.sheet.candidateId);
    requireNotPurged(candidate);
    requireStatus(vacancy, ['SHORTLISTING', 'INTERVIEWING'], 'Scores can no longer be corrected: the vacancy has been decided.');
    // Only while the stage is under way: a shortlisting score changed at interview would change what decided the shortlist.
    if (scoringStageOf(vacancy.status) !== original.sheet.stage) throw new ActionError('CONFLICT', `${STAGE_LABELS[original.sheet.stage]} has finished, so its scores can no longer be corrected.`);
    await tx.score.create({ data: { sheetId: original.sheetId, criterionId: original.criterionId, score: input.score, evidence: input.evidence || null, correctsId: original.id, reason: input.reason } });
    await audit({
      action: 'recruitment.score.correct',
      recordType: 'Candidate',
      recordId: candidate.id,
      summary: `Corrected a submitted ${STAGE_LABELS[original.sheet.stage].toLowerCase()} score for ${candidateLabel(candidate.number)}, with a reason`,
    });
    return { vacancyId: vacancy.id, candidateId: candidate.id };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId)],
});

export const addModerationNote = defineAction({
  name: 'recruitment.moderation.add',
  permission: 'recruitment.panel',
  input: moderationNoteSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, user, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    requireNotPurged(candidate);
    requireStatus(vacancy, ['SHORTLISTING', 'INTERVIEWING'], 'The panel’s discussion has closed: the vacancy has been decided.');
    await seatOf(tx, vacancy.id, user.id);
    const state = await stageScores(tx, candidate, input.stage);
    if (!state.matrix) throw new ActionError('CONFLICT', 'The panel moderates once every member has submitted their scores.');
    if (!state.eligible.some((member) => member.userId === user.id)) throw new ActionError('FORBIDDEN', 'Only the members who scored this candidate record what the panel agreed.');
    if (input.criterionId && !state.matrix.rows.some((row) => row.criterionId === input.criterionId)) throw fieldError('criterionId', 'Select a criterion scored at this stage');
    await tx.moderationNote.create({ data: { candidateId: candidate.id, stage: input.stage, criterionId: input.criterionId, text: input.text, authorId: user.id } });
    await audit({ action: 'recruitment.moderation.add', recordType: 'Candidate', recordId: candidate.id, summary: `Recorded what the panel agreed at ${STAGE_LABELS[input.stage].toLowerCase()} for ${candidateLabel(candidate.number)}` });
    return { vacancyId: vacancy.id, candidateId: candidate.id };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId)],
});

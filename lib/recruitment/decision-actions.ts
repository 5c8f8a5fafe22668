'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { issuePasswordLink } from '@/lib/people/gate';
import { candidateScope } from '@/lib/recruitment/access';
import { candidateLabel, OUTCOME_LABELS } from '@/lib/recruitment/labels';
import { tellDecisionRecorded } from '@/lib/recruitment/notifications';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { openCandidate, panelSeats, requireNoConflict, requireNotPurged, requireStatus, stageScores } from '@/lib/recruitment/records';
import { appointSchema, decideSchema } from '@/lib/recruitment/schemas';

/*
 * The panel's decision on each candidate it interviewed, made by HR or the
 * chair once every interview score is in, and the hand-off of an appointed
 * candidate to an account and a pending placement.
 */

export const decideCandidate = defineAction({
  name: 'recruitment.candidate.decide',
  permission: 'recruitment.decide',
  input: decideSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, user, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    requireStatus(vacancy, ['INTERVIEWING'], 'Decisions are recorded while the vacancy is at interview.');
    if (candidate.version !== input.version) throw conflict();
    if (candidate.shortlistOutcome !== 'INVITED') throw new ActionError('CONFLICT', 'This candidate was not interviewed.');
    await requireNoConflict(tx, candidate.id, user.id, 'decide about them');
    const [shortlisting, interview] = await Promise.all([
      stageScores(tx, candidate, 'SHORTLISTING'),
      stageScores(tx, candidate, 'INTERVIEW'),
    ]);
    if (!interview.matrix) throw new ActionError('CONFLICT', 'Every interview panel member must submit their scores for this candidate first.');
    // Without complete shortlisting scores nobody can say the essentials were met: appointing then needs a justification.
    const meetsEveryEssential = interview.matrix.meetsEveryEssential && (shortlisting.matrix?.meetsEveryEssential ?? false);
    if (input.outcome === 'APPOINTED') {
      if (!meetsEveryEssential && !input.essentialJustification) {
        throw fieldError('essentialJustification', 'This candidate did not meet every essential criterion: record why you are appointing them');
      }
      const appointed = await tx.candidate.count({ where: { vacancyId: vacancy.id, outcome: 'APPOINTED', id: { not: candidate.id } } });
      if (appointed >= vacancy.posts) throw fieldError('outcome', `All ${vacancy.posts} post${vacancy.posts === 1 ? ' has' : 's have'} been filled: record this candidate as a reserve`);
    }
    await tx.candidate.update({
      where: { id: candidate.id },
      data: {
        outcome: input.outcome,
        rationale: input.rationale,
        essentialJustification: input.outcome === 'APPOINTED' && !meetsEveryEssential ? input.essentialJustification : null,
        decidedById: user.id,
        decidedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tellDecisionRecorded(tx, vacancy, await panelSeats(tx, vacancy.id), user.id);
    await audit({
      action: 'recruitment.candidate.decide',
      recordType: 'Candidate',
      recordId: candidate.id,
      summary: `${candidateLabel(candidate.number)}: ${OUTCOME_LABELS[input.outcome].toLowerCase()}${input.outcome === 'APPOINTED' && !meetsEveryEssential ? ', with a justification for an essential criterion not met' : ''}`,
    });
    return { vacancyId: vacancy.id, candidateId: candidate.id };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId), vacancyPath(data.vacancyId)],
});

export const appointCandidate = defineAction({
  name: 'recruitment.candidate.appoint',
  permission: 'recruitment.vacancy.manage',
  input: appointSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, user, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    requireNotPurged(candidate);
    // Only once the vacancy is decided, when decisions can no longer change: a hand-off is never undone.
    requireStatus(vacancy, ['DECIDED', 'CLOSED'], 'Hand an appointed candidate on once the vacancy is decided.');
    if (candidate.outcome !== 'APPOINTED') throw new ActionError('CONFLICT', 'Only an appointed candidate is handed on to onboarding.');
    if (await tx.appointment.findUnique({ where: { candidateId: candidate.id }, select: { id: true } })) throw new ActionError('CONFLICT', 'This candidate has already been handed on to onboarding.');
    if (!candidate.email || !candidate.name) throw fieldError('candidateId', 'Record the candidate’s name and email address first');
    const existing = await tx.user.findUnique({ where: { email: candidate.email }, select: { id: true, disabledAt: true } });
    if (existing?.disabledAt) throw new ActionError('CONFLICT', 'The account with this candidate’s email address is disabled: an administrator must enable it first.');
    const person = existing ?? (await tx.user.create({ data: { name: candidate.name, email: candidate.email, orgRole: 'MEMBER' }, select: { id: true, disabledAt: true } }));
    // The set-password link goes to the new starter's own address only; it is not handed back to HR.
    if (!existing) await issuePasswordLink(tx, person.id, user.id);
    await tx.appointment.create({
      data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: person.id, teamId: vacancy.teamId, roleVersionId: vacancy.roleVersionId, createdById: user.id },
    });
    await audit({
      action: 'recruitment.candidate.appoint',
      recordType: 'Candidate',
      recordId: candidate.id,
      summary: `Handed ${candidateLabel(candidate.number)} for "${vacancy.title}" on to onboarding as a pending placement in ${vacancy.team.name}${existing ? ', linked to their existing account' : ', with a new account and a set-password link'}`,
    });
    return { vacancyId: vacancy.id, candidateId: candidate.id, userId: person.id, newAccount: !existing };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId), vacancyPath(data.vacancyId)],
});

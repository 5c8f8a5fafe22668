'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { candidateLabel, PANEL_ROLE_LABELS, STATUS_LABELS } from '@/lib/recruitment/labels';
import { tellPanelAdded, tellScoringOpen } from '@/lib/recruitment/notifications';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { candidateScope, panelMemberScope, specificationScope, vacancyScope } from '@/lib/recruitment/access';
import { lockVacancy, openCandidate, panelSeats, requireNoConflict, requireNotPurged, requireStatus, specificationCriteria, stageScores } from '@/lib/recruitment/records';
import { checkSpecification, criteriaForStage, guaranteedInterviewProblem, nextStatus, panelProblems, retentionDate, scoringStageOf } from '@/lib/recruitment/rules';
import { addCandidateSchema, addPanelMemberSchema, moveVacancySchema, openVacancySchema, releasePackSchema, removePanelMemberSchema, shortlistSchema } from '@/lib/recruitment/schemas';
import { recruitmentRules } from '@/lib/recruitment/settings';
import { getAgreedVersion, RoleNotAgreedError } from '@/lib/roles/gate';
import { activeTeam } from '@/lib/teams/gate';

/*
 * HR runs a vacancy: opens it from a person specification on the role's agreed
 * version, forms its panel, records candidates and moves it through its stages,
 * each move checked against the panel composition rule.
 */

export const openVacancy = defineAction({
  name: 'recruitment.vacancy.open',
  permission: 'recruitment.vacancy.manage',
  input: openVacancySchema,
  scope: (input, tx) => specificationScope(tx, input.specificationId),
  async run({ input, user, tx, audit }) {
    const specification = await tx.personSpecification.findUniqueOrThrow({
      where: { id: input.specificationId },
      select: { id: true, teamId: true, roleVersionId: true, roleVersion: { select: { roleId: true, number: true } } },
    });
    await activeTeam(tx, specification.teamId);
    // Through the role gate: the role's current agreed version, and it must be the one the specification was built from.
    const agreed = await getAgreedVersion(specification.roleVersion.roleId, tx).catch((error: unknown) => {
      throw error instanceof RoleNotAgreedError ? fieldError('specificationId', 'This role has no agreed version: only an agreed role can be recruited to') : error;
    });
    if (agreed.id !== specification.roleVersionId) {
      throw fieldError('specificationId', `This person specification was built from version ${specification.roleVersion.number}, but version ${agreed.number} of the role is now agreed: build a person specification from the agreed version`);
    }
    const check = checkSpecification(await specificationCriteria(tx, specification.id));
    if (check.problems.length > 0) throw fieldError('specificationId', `The person specification is not ready: ${check.problems.join('; ')}`);
    const vacancy = await tx.vacancy.create({
      data: { ...input, teamId: specification.teamId, roleVersionId: agreed.id, createdById: user.id },
      select: { id: true },
    });
    await audit({ action: 'recruitment.vacancy.open', recordType: 'Vacancy', recordId: vacancy.id, summary: `Opened the vacancy "${input.title}" on version ${agreed.number} of ${agreed.role.title}` });
    return { vacancyId: vacancy.id };
  },
  revalidate: () => ['/recruitment'],
});

export const moveVacancy = defineAction({
  name: 'recruitment.vacancy.move',
  permission: 'recruitment.vacancy.manage',
  input: moveVacancySchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    if (vacancy.version !== input.version) throw conflict();
    const next = nextStatus(vacancy.status);
    if (!next) throw new ActionError('CONFLICT', 'This vacancy is closed.');
    const stage = scoringStageOf(next);
    const seats = await panelSeats(tx, vacancy.id);
    if (stage) {
      const problems = panelProblems(seats, await recruitmentRules(tx), stage);
      if (problems.length > 0) throw new ActionError('CONFLICT', `The panel does not meet the composition rule yet: ${problems.join('; ')}.`);
    }
    const candidates = await tx.candidate.findMany({ where: { vacancyId: vacancy.id }, select: { id: true, number: true, shortlistOutcome: true, outcome: true } });
    if (next === 'SHORTLISTING' && candidates.length === 0) throw new ActionError('CONFLICT', 'Add the candidates who applied before shortlisting starts.');
    // The criteria are fixed from shortlisting on: wait for any change to the specification being saved now.
    if (next === 'SHORTLISTING') await tx.$queryRaw`SELECT id FROM "PersonSpecification" WHERE id = ${vacancy.specificationId}::uuid FOR UPDATE`;
    if (next === 'INTERVIEWING') {
      const waiting = candidates.filter((candidate) => !candidate.shortlistOutcome);
      if (waiting.length > 0) throw new ActionError('CONFLICT', `Record whether to invite ${waiting.map((candidate) => candidateLabel(candidate.number)).join(', ')} to interview first.`);
      if (!candidates.some((candidate) => candidate.shortlistOutcome === 'INVITED')) throw new ActionError('CONFLICT', 'Nobody has been invited to interview.');
    }
    const now = new Date();
    if (next === 'DECIDED') {
      const waiting = candidates.filter((candidate) => candidate.shortlistOutcome === 'INVITED' && !candidate.outcome);
      if (waiting.length > 0) throw new ActionError('CONFLICT', `Record a decision for ${waiting.map((candidate) => candidateLabel(candidate.number)).join(', ')} first.`);
      const rules = await recruitmentRules(tx);
      await tx.candidate.updateMany({ where: { vacancyId: vacancy.id }, data: { retainUntil: retentionDate(now, rules.retentionMonths) } });
    }
    await tx.vacancy.update({ where: { id: vacancy.id }, data: { status: next, version: { increment: 1 }, ...(next === 'DECIDED' ? { decidedAt: now } : {}) } });
    if (stage) await tellScoringOpen(tx, vacancy, seats, stage, user.id);
    await audit({ action: 'recruitment.vacancy.move', recordType: 'Vacancy', recordId: vacancy.id, summary: `Moved "${vacancy.title}" from ${STATUS_LABELS[vacancy.status]} to ${STATUS_LABELS[next]}` });
    return { vacancyId: vacancy.id, status: next };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId), '/recruitment'],
});

export const addPanelMember = defineAction({
  name: 'recruitment.panel.add',
  permission: 'recruitment.vacancy.manage',
  input: addPanelMemberSchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    requireStatus(vacancy, ['DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING'], 'The panel can no longer change: the vacancy has been decided.');
    const person = await tx.user.findFirst({ where: { email: input.email, disabledAt: null }, select: { id: true, name: true } });
    if (!person) throw fieldError('email', 'Nobody with an active PeerRoles account has this email address: add them on People first');
    const seats = await tx.panelMember.findMany({ where: { vacancyId: vacancy.id }, select: { userId: true, role: true } });
    if (seats.some((seat) => seat.userId === person.id)) throw fieldError('email', `${person.name} is already on this panel`);
    if (input.role === 'CHAIR' && seats.some((seat) => seat.role === 'CHAIR')) throw fieldError('role', 'The panel already has a chair: add this person as a member');
    // Nobody joins a stage that has finished, or one where scores are already in: either would change who must submit
    // for the matrix, hiding scores already submitted or opening the matrix early.
    if (vacancy.status === 'INTERVIEWING' && input.stages.includes('SHORTLISTING')) throw fieldError('stages', 'Shortlisting has finished: add them to the interview panel only');
    const current = scoringStageOf(vacancy.status);
    if (current && input.stages.includes(current) && (await tx.scoreSheet.count({ where: { stage: current, submittedAt: { not: null }, candidate: { vacancyId: vacancy.id } } })) > 0) {
      throw fieldError('stages', 'Panel members have already submitted scores at this stage, so the panel for it can no longer change');
    }
    const member = await tx.panelMember.create({
      data: { vacancyId: vacancy.id, userId: person.id, role: input.role, shortlisting: input.stages.includes('SHORTLISTING'), interview: input.stages.includes('INTERVIEW') },
      select: { id: true },
    });
    await tellPanelAdded(tx, vacancy, person.id, user.id);
    await audit({ action: 'recruitment.panel.add', recordType: 'Vacancy', recordId: vacancy.id, summary: `Added ${person.name} to the panel for "${vacancy.title}" as ${PANEL_ROLE_LABELS[input.role].toLowerCase()}` });
    return { vacancyId: vacancy.id, panelMemberId: member.id };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

export const removePanelMember = defineAction({
  name: 'recruitment.panel.remove',
  permission: 'recruitment.vacancy.manage',
  input: removePanelMemberSchema,
  scope: (input, tx, user) => panelMemberScope(tx, input.panelMemberId, user),
  async run({ input, tx, audit }) {
    const member = await tx.panelMember.findUniqueOrThrow({ where: { id: input.panelMemberId }, select: { vacancyId: true, userId: true, user: { select: { name: true } } } });
    const vacancy = await lockVacancy(tx, member.vacancyId);
    requireStatus(vacancy, ['DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING'], 'The panel can no longer change: the vacancy has been decided.');
    const submitted = await tx.scoreSheet.count({ where: { userId: member.userId, submittedAt: { not: null }, candidate: { vacancyId: vacancy.id } } });
    if (submitted > 0) throw new ActionError('CONFLICT', `${member.user.name} has submitted scores, which are part of the vacancy's record: they stay on the panel.`);
    const stage = scoringStageOf(vacancy.status);
    // Removing someone who has not submitted would let the matrix open without them after others have submitted.
    if (stage && (await tx.scoreSheet.count({ where: { stage, submittedAt: { not: null }, candidate: { vacancyId: vacancy.id } } })) > 0) {
      throw new ActionError('CONFLICT', 'Panel members have already submitted scores at this stage, so the panel for it can no longer change.');
    }
    if (stage) {
      const remaining = (await panelSeats(tx, vacancy.id)).filter((seat) => seat.userId !== member.userId);
      const problems = panelProblems(remaining, await recruitmentRules(tx), stage);
      if (problems.length > 0) throw new ActionError('CONFLICT', `Without ${member.user.name} the panel would break the composition rule: ${problems.join('; ')}. Add someone else first.`);
    }
    const drafts = await tx.scoreSheet.findMany({ where: { userId: member.userId, submittedAt: null, candidate: { vacancyId: vacancy.id } }, select: { id: true } });
    await tx.score.deleteMany({ where: { sheetId: { in: drafts.map((sheet) => sheet.id) } } });
    await tx.scoreSheet.deleteMany({ where: { id: { in: drafts.map((sheet) => sheet.id) } } });
    await tx.panelMember.delete({ where: { id: input.panelMemberId } });
    await audit({ action: 'recruitment.panel.remove', recordType: 'Vacancy', recordId: vacancy.id, summary: `Removed ${member.user.name} from the panel for "${vacancy.title}"` });
    return { vacancyId: vacancy.id };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

export const addCandidate = defineAction({
  name: 'recruitment.candidate.add',
  permission: 'recruitment.vacancy.manage',
  input: addCandidateSchema,
  scope: (input, tx, user) => vacancyScope(tx, input.vacancyId, user),
  async run({ input, user, tx, audit }) {
    const vacancy = await lockVacancy(tx, input.vacancyId);
    requireStatus(vacancy, ['DRAFT', 'OPEN'], 'Candidates can only be added before shortlisting starts.');
    const shortlisting = new Set(criteriaForStage(await specificationCriteria(tx, vacancy.specificationId), 'SHORTLISTING').map((criterion) => criterion.id));
    // Answers and "identifying" marks must name this vacancy's shortlisting criteria: ids from the client are checked, not trusted.
    for (const criterionId of [...Object.keys(input.answers), ...input.identifying]) {
      if (!shortlisting.has(criterionId)) throw fieldError('answers', 'An answer names a criterion that is not assessed from the application for this vacancy');
    }
    const last = await tx.candidate.aggregate({ where: { vacancyId: vacancy.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const candidate = await tx.candidate.create({
      data: {
        vacancyId: vacancy.id,
        number,
        name: input.name,
        email: input.email,
        phone: input.phone || null,
        adjustments: input.adjustments || null,
        guaranteedInterview: input.guaranteedInterview,
        createdById: user.id,
        answers: {
          create: [...shortlisting].map((criterionId) => ({ criterionId, text: input.answers[criterionId] || null, identifying: input.identifying.includes(criterionId) })),
        },
      },
      select: { id: true },
    });
    // A candidate's name, email or answers never reach the audit log: it outlives the retention period.
    await audit({ action: 'recruitment.candidate.add', recordType: 'Candidate', recordId: candidate.id, summary: `Recorded ${candidateLabel(number)} for "${vacancy.title}"` });
    return { vacancyId: vacancy.id, candidateId: candidate.id, number };
  },
  revalidate: (data) => [vacancyPath(data.vacancyId)],
});

export const releasePack = defineAction({
  name: 'recruitment.candidate.pack.release',
  permission: 'recruitment.vacancy.manage',
  input: releasePackSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    requireNotPurged(candidate);
    requireStatus(vacancy, ['OPEN', 'SHORTLISTING', 'INTERVIEWING'], 'The interview pack can only be released before the decision.');
    const { count } = await tx.candidate.updateMany({ where: { id: candidate.id, packReleasedAt: null }, data: { packReleasedAt: new Date() } });
    if (count === 0) throw new ActionError('CONFLICT', 'The interview pack has already been released to this candidate.');
    await audit({ action: 'recruitment.candidate.pack.release', recordType: 'Candidate', recordId: candidate.id, summary: `Released the interview questions to ${candidateLabel(candidate.number)} in advance (a reasonable adjustment)` });
    return { vacancyId: vacancy.id, candidateId: candidate.id };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId)],
});

export const shortlistCandidate = defineAction({
  name: 'recruitment.candidate.shortlist',
  permission: 'recruitment.decide',
  input: shortlistSchema,
  scope: (input, tx, user) => candidateScope(tx, input.candidateId, user),
  async run({ input, user, tx, audit }) {
    const { candidate, vacancy } = await openCandidate(tx, input.candidateId);
    requireStatus(vacancy, ['SHORTLISTING'], 'Shortlisting decisions are made while the vacancy is at shortlisting.');
    await requireNoConflict(tx, candidate.id, user.id, 'decide about them');
    // A reason for every candidate not invited: the same question for everyone, so the answer reveals nobody's scheme.
    if (input.outcome === 'NOT_INVITED' && !input.reason) throw fieldError('reason', 'Enter why they are not invited to interview');
    const scores = await stageScores(tx, candidate, 'SHORTLISTING');
    if (!scores.matrix) throw new ActionError('CONFLICT', 'Every panel member must submit their shortlisting scores for this candidate first.');
    const problem = guaranteedInterviewProblem(candidate, scores.matrix.meetsEveryEssential, input.outcome === 'INVITED', input.reason);
    if (problem) throw fieldError('reason', problem);
    await tx.candidate.update({
      where: { id: candidate.id },
      data: { shortlistOutcome: input.outcome, shortlistReason: input.outcome === 'NOT_INVITED' ? input.reason || null : null, version: { increment: 1 } },
    });
    await audit({
      action: 'recruitment.candidate.shortlist',
      recordType: 'Candidate',
      recordId: candidate.id,
      summary: `${candidateLabel(candidate.number)}: ${input.outcome === 'INVITED' ? 'invited to interview' : 'not invited to interview'}`,
    });
    return { vacancyId: vacancy.id, candidateId: candidate.id };
  },
  revalidate: (data) => [candidatePath(data.vacancyId, data.candidateId), vacancyPath(data.vacancyId)],
});

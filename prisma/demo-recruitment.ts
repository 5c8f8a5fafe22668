// The demo's recruitment, on the Northbrook CMHT's agreed "Peer support worker"
// role: one vacancy at interview with a valid panel (shortlisting done on
// anonymised applications, one conflict declared, interview scores
// part-submitted and one candidate's scores differing enough to discuss), one
// decided vacancy with an appointment waiting for onboarding, and one closed
// vacancy whose candidates' personal data has been deleted. Built with the
// factories in tests/factories, like prisma/demo-roles.ts.
import { retentionDate, DEFAULT_RETENTION_MONTHS } from '@/lib/recruitment/rules';
import { getAgreedVersion } from '@/lib/roles/gate';
import { addPanelMember, createCandidate, createSpecification, createVacancy, scoreCandidate, type CriterionOptions } from '../tests/factories/recruitment';
import type { DemoRoleContext } from './demo-roles';

export const DEMO_SPECIFICATION_TITLE = 'Peer Support Worker (Band 4) person specification';
export const DEMO_VACANCIES = {
  interviewing: 'Peer Support Worker, Northbrook CMHT',
  decided: 'Peer Support Worker (sessional), Northbrook CMHT',
  closed: 'Peer Support Worker (fixed term), Northbrook CMHT',
} as const;

const CRITERIA: CriterionOptions[] = [
  {
    category: 'LIVED_EXPERIENCE',
    wording: 'Personal lived experience of mental health difficulties and recovery, and willingness to use it to support others',
    essential: true,
    assessedBy: ['APPLICATION', 'INTERVIEW'],
    questions: ['How do you decide what to share of your own story, with whom and when?', 'Tell us about a time your own experience helped you understand what someone else was going through.'],
  },
  {
    category: 'VALUES',
    wording: 'Commitment to hope, choice and mutuality in recovery-focused practice',
    essential: true,
    assessedBy: ['APPLICATION', 'INTERVIEW'],
    weight: 2,
    questions: ['What does hope mean to you, and how would you hold it for someone who has lost it?', 'Tell us about a time you supported someone to make their own choice.'],
  },
  {
    category: 'SKILLS_KNOWLEDGE',
    wording: 'Understanding of what peer support is, and is not, alongside a clinical team',
    essential: false,
    assessedBy: ['INTERVIEW'],
    questions: ['How would you explain peer support to a colleague who had not worked alongside a peer worker before?'],
  },
  {
    category: 'PRACTICAL',
    wording: 'Able to keep clear, respectful records of their work',
    essential: false,
    assessedBy: ['APPLICATION', 'TASK'],
    questions: ['How would you keep a record of your work that is useful to the person and to the team?'],
  },
];

const ANSWERS = [
  'I have lived with depression and anxiety since my twenties and used community mental health services for several years. What helped most was someone who had been there.',
  'I believe everyone can find their own way to a life that matters to them. In my volunteering I have tried to walk alongside people rather than tell them what to do.',
  'I kept session notes as a volunteer befriender and shared them with the person each time, so that they owned their record.',
];

type Person = { id: string; name: string };

export async function seedDemoRecruitment(context: DemoRoleContext): Promise<number> {
  const { tx } = context;
  const team = context.team('Northbrook Community Mental Health Team');
  if (team.archivedAt) return 0;
  if (await tx.personSpecification.findFirst({ where: { teamId: team.id, title: DEMO_SPECIFICATION_TITLE }, select: { id: true } })) return 0;
  const role = await tx.role.findFirst({ where: { teamId: team.id, title: 'Peer support worker' }, select: { id: true } });
  if (!role) return 0;
  const agreed = await getAgreedVersion(role.id, tx).catch(() => null);
  if (!agreed) return 0;

  const hr = context.person('hr@peerroles.test');
  const manager = context.person('manager.cmht@peerroles.test');
  const peer = context.person('peer.cmht@peerroles.test');
  const rep = context.person('rep@peerroles.test');
  const specification = await createSpecification({ team, roleVersion: agreed, createdBy: manager, title: DEMO_SPECIFICATION_TITLE, criteria: CRITERIA }, tx);
  await context.audit('seed.recruitment.specification.create', 'PersonSpecification', specification.id, `started the person specification "${DEMO_SPECIFICATION_TITLE}"`);
  const [livedExperience, values, understanding, records] = specification.criteria;
  const applicationAnswers = { [livedExperience.id]: ANSWERS[0], [values.id]: ANSWERS[1], [records.id]: ANSWERS[2] };

  const panelOf = async (vacancy: { id: string }) => {
    await addPanelMember(vacancy, manager, { role: 'CHAIR' }, tx);
    await addPanelMember(vacancy, peer, {}, tx);
    await addPanelMember(vacancy, rep, {}, tx);
  };
  const scores = (lived: number, value: number, third: number) => ({ lived, value, third });
  const shortlist = async (candidate: { id: string }, by: Person, given: ReturnType<typeof scores>) =>
    scoreCandidate(candidate, by, 'SHORTLISTING', { [livedExperience.id]: given.lived, [values.id]: given.value, [records.id]: given.third }, {}, tx);
  const interview = async (candidate: { id: string }, by: Person, given: ReturnType<typeof scores>, options: { draft?: boolean } = {}) =>
    scoreCandidate(candidate, by, 'INTERVIEW', { [livedExperience.id]: given.lived, [values.id]: given.value, [understanding.id]: given.third, [records.id]: given.third }, options, tx);

  // 1. At interview.
  const open = await createVacancy({ specification, createdBy: hr, status: 'INTERVIEWING', title: DEMO_VACANCIES.interviewing }, tx);
  await context.audit('seed.recruitment.vacancy.open', 'Vacancy', open.id, `opened the vacancy "${open.title}"`);
  const alex = await createCandidate(open, hr, { name: 'Alex Morgan', email: 'alex.morgan@example.test', answers: applicationAnswers }, tx);
  const bethany = await createCandidate(open, hr, { name: 'Bethany Hall', email: 'bethany.hall@example.test', guaranteedInterview: true, adjustments: 'Interview questions in advance, please; a quiet room to wait in.', answers: applicationAnswers }, tx);
  const chris = await createCandidate(open, hr, { name: 'Chris Adeyemi', email: 'chris.adeyemi@example.test', answers: { [livedExperience.id]: 'I want to help people.', [values.id]: 'I am a good listener.', [records.id]: '' } }, tx);
  const dana = await createCandidate(open, hr, { name: 'Dana Kowalski', email: 'dana.kowalski@example.test', answers: applicationAnswers, identifying: [records.id] }, tx);
  // The panel joins after the candidates are recorded, so their declarations cover everyone.
  await panelOf(open);
  await tx.conflictDeclaration.create({ data: { vacancyId: open.id, candidateId: dana.id, userId: peer.id, kind: 'SUPPORTED_AS_SERVICE_USER', note: 'I supported Dana at the hearing voices group in 2024.' } });
  for (const candidate of [alex, bethany, chris, dana]) {
    await shortlist(candidate, manager, candidate === chris ? scores(1, 1, 1) : scores(3, 3, 2));
    await shortlist(candidate, rep, candidate === chris ? scores(1, 2, 0) : scores(3, 2, 2));
    if (candidate !== dana) await shortlist(candidate, peer, candidate === chris ? scores(1, 1, 1) : scores(4, 3, 2));
  }
  await tx.candidate.updateMany({ where: { id: { in: [alex.id, bethany.id, dana.id] } }, data: { shortlistOutcome: 'INVITED' } });
  await tx.candidate.update({ where: { id: chris.id }, data: { shortlistOutcome: 'NOT_INVITED', shortlistReason: 'Below the threshold on both essential criteria at shortlisting.' } });
  await tx.candidate.update({ where: { id: bethany.id }, data: { packReleasedAt: new Date() } });
  // Bethany: everyone has scored, and the manager and the representative differ by 2 on values: flagged to discuss.
  await interview(bethany, manager, scores(3, 1, 2));
  await interview(bethany, rep, scores(3, 3, 3));
  await interview(bethany, peer, scores(4, 2, 3));
  // Alex: two of three have submitted; the peer worker's scores are still a private draft.
  await interview(alex, manager, scores(3, 3, 3));
  await interview(alex, rep, scores(2, 3, 2));
  await interview(alex, peer, scores(3, 3, 2), { draft: true });
  await context.audit('seed.recruitment.scores', 'Vacancy', open.id, `recorded the panel's scores for "${open.title}"`);

  // 2. Decided, with an appointment waiting for onboarding.
  const decidedAt = new Date(Date.now() - 14 * 24 * 60 * 60 * 1000);
  const decided = await createVacancy({ specification, createdBy: hr, status: 'DECIDED', title: DEMO_VACANCIES.decided, reach: 'DIRECT_APPROACH', decidedAt }, tx);
  await context.audit('seed.recruitment.vacancy.open', 'Vacancy', decided.id, `opened the vacancy "${decided.title}"`);
  const elliot = await createCandidate(decided, hr, { name: 'Elliot Shaw', email: 'elliot.shaw@peerroles.test', answers: applicationAnswers }, tx);
  const farah = await createCandidate(decided, hr, { name: 'Farah Iqbal', email: 'farah.iqbal@example.test', answers: applicationAnswers }, tx);
  await panelOf(decided);
  for (const candidate of [elliot, farah]) {
    for (const member of [manager, peer, rep]) {
      await shortlist(candidate, member, scores(3, 3, 2));
      await interview(candidate, member, candidate === elliot ? scores(4, 3, 3) : scores(2, 2, 2));
    }
  }
  const retainUntil = retentionDate(decidedAt, DEFAULT_RETENTION_MONTHS);
  await tx.candidate.update({
    where: { id: elliot.id },
    data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Strong on lived experience and values; clear about what peer support is and is not.', decidedById: manager.id, decidedAt, retainUntil },
  });
  await tx.candidate.update({
    where: { id: farah.id },
    data: { shortlistOutcome: 'INVITED', outcome: 'RESERVE', rationale: 'Met every essential criterion; less clear on the peer role alongside the team.', decidedById: manager.id, decidedAt, retainUntil },
  });
  // Their account, as the hand-off makes it: no roles yet, and a set-password link once an administrator issues one.
  const elliotAccount = await tx.user.create({ data: { email: 'elliot.shaw@peerroles.test', name: 'Elliot Shaw', jobTitle: 'Peer support worker (starting soon)', orgRole: 'MEMBER' }, select: { id: true } });
  await context.audit('seed.person.create', 'User', elliotAccount.id, 'added Elliot Shaw (Peer support worker, appointed)');
  await tx.appointment.create({ data: { candidateId: elliot.id, vacancyId: decided.id, userId: elliotAccount.id, teamId: team.id, roleVersionId: agreed.id, createdById: hr.id } });
  await context.audit('seed.recruitment.appoint', 'Candidate', elliot.id, `handed Candidate ${elliot.number} for "${decided.title}" on to onboarding`);

  // 3. Closed long ago: the candidates' personal data has been deleted; the anonymised record stays.
  const longAgo = new Date(Date.now() - 240 * 24 * 60 * 60 * 1000);
  const closed = await createVacancy({ specification, createdBy: hr, status: 'CLOSED', title: DEMO_VACANCIES.closed, decidedAt: longAgo }, tx);
  await context.audit('seed.recruitment.vacancy.open', 'Vacancy', closed.id, `opened the vacancy "${closed.title}"`);
  const gone = await createCandidate(closed, hr, { name: 'Purged Candidate', email: 'purged@example.test', answers: applicationAnswers }, tx);
  await panelOf(closed);
  for (const member of [manager, peer, rep]) await shortlist(gone, member, scores(1, 2, 1));
  await tx.candidate.update({
    where: { id: gone.id },
    data: { shortlistOutcome: 'NOT_INVITED', outcome: null, name: null, email: null, phone: null, adjustments: null, shortlistReason: null, decidedAt: longAgo, retainUntil: retentionDate(longAgo, DEFAULT_RETENTION_MONTHS), purgedAt: retentionDate(longAgo, DEFAULT_RETENTION_MONTHS) },
  });
  await tx.applicationAnswer.updateMany({ where: { candidateId: gone.id }, data: { text: null } });
  await tx.score.updateMany({ where: { sheet: { candidateId: gone.id } }, data: { evidence: null } });
  await context.audit('seed.recruitment.purge', 'Vacancy', closed.id, `deleted the personal data of 1 candidate for "${closed.title}" under the retention rule`);
  return 3;
}

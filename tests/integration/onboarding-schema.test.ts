// Onboarding's tables (issue 11) before its actions exist: the database keeps the
// rules the forms will check, whatever writes, and a placement reaches the
// recruitment appointment and the agreed role version it rests on.
import { db } from '@/lib/db';
import { agreedRole, buildWorld, type World } from '../factories';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

async function placement(overrides: Record<string, unknown> = {}) {
  const { version } = await agreedRole(world);
  return db.placement.create({
    data: {
      userId: world.peerWorker.id,
      teamId: world.thisTeam.id,
      roleVersionId: version.id,
      startDate: new Date(Date.UTC(2027, 0, 4)),
      contractType: 'PERMANENT',
      band: 4,
      hoursPerWeek: 22.5,
      workingDays: ['MON', 'TUE', 'WED'],
      createdById: world.managerOfThisTeam.id,
      ...overrides,
    },
  });
}

describe('onboarding tables', () => {
  it('keeps a placement on an agreed version, with its hours, band and working days', async () => {
    const created = await placement();
    const found = await db.placement.findUniqueOrThrow({ where: { id: created.id }, include: { roleVersion: { select: { status: true } } } });
    expect(found.roleVersion.status).toBe('AGREED');
    expect(found.hoursPerWeek.toString()).toBe('22.5');
    expect(found.workingDays).toEqual(['MON', 'TUE', 'WED']);
  });

  it('refuses hours, bands, working days, offsets and meeting times out of range', async () => {
    await expect(placement({ hoursPerWeek: 0 })).rejects.toThrow(/Placement_hours_range/u);
    await expect(placement({ band: 12 })).rejects.toThrow(/Placement_band_range/u);
    await expect(placement({ workingDays: [] })).rejects.toThrow(/Placement_works_some_day/u);
    await expect(db.teamMeeting.create({ data: { teamId: world.thisTeam.id, name: 'MDT', day: 'WED', time: '25:00', main: true } })).rejects.toThrow(/TeamMeeting_time_format/u);
    const template = await db.onboardingTemplate.create({ data: { name: 'Default' } });
    await expect(
      db.onboardingTemplateTask.create({ data: { templateId: template.id, position: 0, section: 'INDUCTION', title: 'Induction', ownerRole: 'MANAGER', offsetDays: 400 } }),
    ).rejects.toThrow(/OnboardingTemplateTask_offset_range/u);
  });

  it('needs a reason for a task that cannot start yet', async () => {
    const created = await placement();
    const plan = await db.onboardingPlan.create({ data: { placementId: created.id, reason: 'JOINING', createdById: world.managerOfThisTeam.id } });
    const task = { planId: plan.id, section: 'SYSTEMS_ACCESS' as const, title: 'Records system access', ownerRole: 'IT_ADMIN' as const, dueOn: new Date(Date.UTC(2027, 0, 4)) };
    await expect(db.onboardingTask.create({ data: { ...task, status: 'CANNOT_START' } })).rejects.toThrow(/OnboardingTask_cannot_start_reason/u);
    await db.onboardingTask.create({ data: { ...task, status: 'CANNOT_START', cannotStartReason: 'Waiting for the smartcard' } });
  });
});

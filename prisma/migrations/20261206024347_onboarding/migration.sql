-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('PERMANENT', 'FIXED_TERM', 'BANK', 'SESSIONAL', 'VOLUNTARY');

-- CreateEnum
CREATE TYPE "Weekday" AS ENUM ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN');

-- CreateEnum
CREATE TYPE "TaskSection" AS ENUM ('TEAM_PREPARATION', 'INDUCTION', 'PEER_TRAINING', 'SYSTEMS_ACCESS', 'SUPERVISION_SETUP', 'INTRODUCTIONS', 'FIRST_REVIEWS');

-- CreateEnum
CREATE TYPE "TaskOwnerRole" AS ENUM ('MANAGER', 'PEER_WORKER', 'HR', 'SUPERVISOR', 'IT_ADMIN');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANNOT_START');

-- CreateEnum
CREATE TYPE "PlanReason" AS ENUM ('JOINING', 'ROLE_CHANGE', 'ARRANGEMENTS_CHANGE');

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "roleVersionId" UUID NOT NULL,
    "appointmentId" UUID,
    "startDate" DATE NOT NULL,
    "contractType" "ContractType" NOT NULL,
    "band" INTEGER,
    "hoursPerWeek" DECIMAL(4,1) NOT NULL,
    "workingDays" "Weekday"[],
    "lineManagerId" UUID,
    "peerSupervisorId" UUID,
    "endedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementChange" (
    "id" UUID NOT NULL,
    "placementId" UUID NOT NULL,
    "changedById" UUID NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingTemplate" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "serviceType" "ServiceType",
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnboardingTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingTemplateTask" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "section" "TaskSection" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerRole" "TaskOwnerRole" NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "OnboardingTemplateTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingPlan" (
    "id" UUID NOT NULL,
    "placementId" UUID NOT NULL,
    "templateId" UUID,
    "reason" "PlanReason" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingTask" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "section" "TaskSection" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerRole" "TaskOwnerRole" NOT NULL,
    "ownerId" UUID,
    "dueOn" DATE NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "cannotStartReason" TEXT,
    "completedAt" TIMESTAMP(3),
    "completedById" UUID,
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnboardingTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingTaskNote" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingTaskNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WellbeingPlan" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "keepsMeWell" TEXT NOT NULL DEFAULT '',
    "earlySigns" TEXT NOT NULL DEFAULT '',
    "whatHelps" TEXT NOT NULL DEFAULT '',
    "whoToContact" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WellbeingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WellbeingShare" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "sharedWithId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WellbeingShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMeeting" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "day" "Weekday" NOT NULL,
    "time" TEXT NOT NULL,
    "main" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemAccess" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "system" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SystemAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParityAcceptance" (
    "id" UUID NOT NULL,
    "placementId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "acceptedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParityAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Placement_appointmentId_key" ON "Placement"("appointmentId");

-- CreateIndex
CREATE INDEX "Placement_teamId_endedAt_idx" ON "Placement"("teamId", "endedAt");

-- CreateIndex
CREATE INDEX "Placement_userId_endedAt_idx" ON "Placement"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "PlacementChange_placementId_createdAt_idx" ON "PlacementChange"("placementId", "createdAt");

-- CreateIndex
CREATE INDEX "OnboardingTemplateTask_templateId_position_idx" ON "OnboardingTemplateTask"("templateId", "position");

-- CreateIndex
CREATE INDEX "OnboardingPlan_placementId_createdAt_idx" ON "OnboardingPlan"("placementId", "createdAt");

-- CreateIndex
CREATE INDEX "OnboardingTask_ownerId_status_dueOn_idx" ON "OnboardingTask"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "OnboardingTask_planId_section_idx" ON "OnboardingTask"("planId", "section");

-- CreateIndex
CREATE INDEX "OnboardingTaskNote_taskId_authorId_idx" ON "OnboardingTaskNote"("taskId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "WellbeingPlan_userId_key" ON "WellbeingPlan"("userId");

-- CreateIndex
CREATE INDEX "WellbeingShare_sharedWithId_revokedAt_idx" ON "WellbeingShare"("sharedWithId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WellbeingShare_planId_sharedWithId_key" ON "WellbeingShare"("planId", "sharedWithId");

-- CreateIndex
CREATE INDEX "TeamMeeting_teamId_idx" ON "TeamMeeting"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SystemAccess_userId_system_key" ON "SystemAccess"("userId", "system");

-- CreateIndex
CREATE UNIQUE INDEX "ParityAcceptance_placementId_key_key" ON "ParityAcceptance"("placementId", "key");

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_roleVersionId_fkey" FOREIGN KEY ("roleVersionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_lineManagerId_fkey" FOREIGN KEY ("lineManagerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_peerSupervisorId_fkey" FOREIGN KEY ("peerSupervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementChange" ADD CONSTRAINT "PlacementChange_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementChange" ADD CONSTRAINT "PlacementChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTemplateTask" ADD CONSTRAINT "OnboardingTemplateTask_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "OnboardingTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingPlan" ADD CONSTRAINT "OnboardingPlan_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingPlan" ADD CONSTRAINT "OnboardingPlan_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "OnboardingTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingPlan" ADD CONSTRAINT "OnboardingPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "OnboardingPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTaskNote" ADD CONSTRAINT "OnboardingTaskNote_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "OnboardingTask"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingTaskNote" ADD CONSTRAINT "OnboardingTaskNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WellbeingPlan" ADD CONSTRAINT "WellbeingPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WellbeingShare" ADD CONSTRAINT "WellbeingShare_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WellbeingPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WellbeingShare" ADD CONSTRAINT "WellbeingShare_sharedWithId_fkey" FOREIGN KEY ("sharedWithId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMeeting" ADD CONSTRAINT "TeamMeeting_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemAccess" ADD CONSTRAINT "SystemAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParityAcceptance" ADD CONSTRAINT "ParityAcceptance_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParityAcceptance" ADD CONSTRAINT "ParityAcceptance_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ranges the forms check too, kept by the database whatever writes.
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_hours_range" CHECK ("hoursPerWeek" > 0 AND "hoursPerWeek" <= 60);
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_band_range" CHECK ("band" IS NULL OR "band" BETWEEN 1 AND 9);
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_works_some_day" CHECK (cardinality("workingDays") >= 1);
ALTER TABLE "OnboardingTemplateTask" ADD CONSTRAINT "OnboardingTemplateTask_offset_range" CHECK ("offsetDays" BETWEEN -180 AND 365);
ALTER TABLE "OnboardingTask" ADD CONSTRAINT "OnboardingTask_cannot_start_reason" CHECK ("status" <> 'CANNOT_START' OR "cannotStartReason" IS NOT NULL);
ALTER TABLE "TeamMeeting" ADD CONSTRAINT "TeamMeeting_time_format" CHECK ("time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

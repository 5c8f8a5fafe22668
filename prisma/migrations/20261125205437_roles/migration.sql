-- CreateEnum
CREATE TYPE "StakeholderGroup" AS ENUM ('MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR');

-- CreateEnum
CREATE TYPE "RequirementGroup" AS ENUM ('MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR', 'PEER_OR_REP');

-- CreateEnum
CREATE TYPE "ExpectationAnswer" AS ENUM ('CORE', 'SOMETIMES', 'NOT_PART');

-- CreateEnum
CREATE TYPE "RoleVersionStatus" AS ENUM ('IN_REVIEW', 'AGREED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ContestedOutcome" AS ENUM ('INCLUDED', 'EXCLUDED', 'CLARIFIED');

-- CreateTable
CREATE TABLE "RoleTemplate" (
    "id" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "valueOptions" TEXT[],
    "notPartOptions" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "draft" JSONB NOT NULL,
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "draftChanged" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleVersion" (
    "id" UUID NOT NULL,
    "roleId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "status" "RoleVersionStatus" NOT NULL DEFAULT 'IN_REVIEW',
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agreedAt" TIMESTAMP(3),

    CONSTRAINT "RoleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewInvitation" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "group" "StakeholderGroup" NOT NULL,
    "invitedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "group" "StakeholderGroup" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "status" "ConcernStatus" NOT NULL DEFAULT 'OPEN',
    "raisedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "resolutionReason" TEXT,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernReply" (
    "id" UUID NOT NULL,
    "concernId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "teamId" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpectationCheck" (
    "id" UUID NOT NULL,
    "roleId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ExpectationCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpectationParticipant" (
    "id" UUID NOT NULL,
    "checkId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "group" "StakeholderGroup" NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "ExpectationParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpectationResponse" (
    "id" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "answer" "ExpectationAnswer" NOT NULL,

    CONSTRAINT "ExpectationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestedResolution" (
    "id" UUID NOT NULL,
    "checkId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "outcome" "ContestedOutcome" NOT NULL,
    "section" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "resolvedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContestedResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementRequirement" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "group" "RequirementGroup" NOT NULL,
    "minimum" INTEGER NOT NULL,

    CONSTRAINT "AgreementRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Role_teamId_title_idx" ON "Role"("teamId", "title");

-- CreateIndex
CREATE INDEX "RoleVersion_roleId_status_idx" ON "RoleVersion"("roleId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RoleVersion_roleId_number_key" ON "RoleVersion"("roleId", "number");

-- CreateIndex
CREATE INDEX "ReviewInvitation_userId_idx" ON "ReviewInvitation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewInvitation_versionId_userId_key" ON "ReviewInvitation"("versionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_versionId_userId_key" ON "Agreement"("versionId", "userId");

-- CreateIndex
CREATE INDEX "Concern_versionId_status_idx" ON "Concern"("versionId", "status");

-- CreateIndex
CREATE INDEX "ConcernReply_concernId_createdAt_idx" ON "ConcernReply"("concernId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_teamId_archivedAt_sortOrder_idx" ON "Activity"("teamId", "archivedAt", "sortOrder");

-- CreateIndex
CREATE INDEX "ExpectationCheck_roleId_createdAt_idx" ON "ExpectationCheck"("roleId", "createdAt");

-- CreateIndex
CREATE INDEX "ExpectationParticipant_userId_idx" ON "ExpectationParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpectationParticipant_checkId_userId_key" ON "ExpectationParticipant"("checkId", "userId");

-- CreateIndex
CREATE INDEX "ExpectationResponse_activityId_idx" ON "ExpectationResponse"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpectationResponse_participantId_activityId_key" ON "ExpectationResponse"("participantId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestedResolution_checkId_activityId_key" ON "ContestedResolution"("checkId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementRequirement_teamId_group_key" ON "AgreementRequirement"("teamId", "group");

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleVersion" ADD CONSTRAINT "RoleVersion_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleVersion" ADD CONSTRAINT "RoleVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernReply" ADD CONSTRAINT "ConcernReply_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernReply" ADD CONSTRAINT "ConcernReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationCheck" ADD CONSTRAINT "ExpectationCheck_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationCheck" ADD CONSTRAINT "ExpectationCheck_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationParticipant" ADD CONSTRAINT "ExpectationParticipant_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ExpectationCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationParticipant" ADD CONSTRAINT "ExpectationParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationResponse" ADD CONSTRAINT "ExpectationResponse_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "ExpectationParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpectationResponse" ADD CONSTRAINT "ExpectationResponse_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestedResolution" ADD CONSTRAINT "ContestedResolution_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ExpectationCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestedResolution" ADD CONSTRAINT "ContestedResolution_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestedResolution" ADD CONSTRAINT "ContestedResolution_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementRequirement" ADD CONSTRAINT "AgreementRequirement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The organisation-wide activity catalogue for expectations checks. Data, not
-- schema: every installation starts with it; admins and teams add their own.
INSERT INTO "Activity" ("id", "teamId", "name", "description", "sortOrder") VALUES
  (gen_random_uuid(), NULL, 'One-to-one peer support', 'Meeting people individually to offer support based on shared experience', 10),
  (gen_random_uuid(), NULL, 'Co-facilitating groups', 'Running groups alongside colleagues, such as recovery or hearing voices groups', 20),
  (gen_random_uuid(), NULL, 'Sharing own recovery story', 'Purposefully sharing parts of their own experience to offer hope', 30),
  (gen_random_uuid(), NULL, 'Supporting people to access community resources', 'Going with people to find and use community groups, services and activities', 40),
  (gen_random_uuid(), NULL, 'Attending ward rounds or MDT meetings', 'Taking part in multidisciplinary team meetings about the people they support', 50),
  (gen_random_uuid(), NULL, 'Writing in clinical records', 'Recording contacts in the clinical records system', 60),
  (gen_random_uuid(), NULL, 'Risk assessment', 'Carrying out or contributing to formal risk assessments', 70),
  (gen_random_uuid(), NULL, 'Observations', 'Carrying out therapeutic or safety observations on a ward', 80),
  (gen_random_uuid(), NULL, 'Escorting', 'Escorting people on leave or to appointments as a staff escort', 90),
  (gen_random_uuid(), NULL, 'Administering medication', 'Giving or supervising medication', 100),
  (gen_random_uuid(), NULL, 'WRAP facilitation', 'Facilitating Wellness Recovery Action Planning with individuals or groups', 110),
  (gen_random_uuid(), NULL, 'Advocacy', 'Helping people make their views heard in their care and in meetings', 120),
  (gen_random_uuid(), NULL, 'Co-producing service changes', 'Working with the team and service users to shape how the service works', 130),
  (gen_random_uuid(), NULL, 'Training staff', 'Delivering training to colleagues, for example on recovery or lived experience', 140),
  (gen_random_uuid(), NULL, 'Crisis support', 'Supporting people during a mental health crisis', 150),
  (gen_random_uuid(), NULL, 'Phone check-ins', 'Regular phone contact to see how people are doing', 160),
  (gen_random_uuid(), NULL, 'Care coordination tasks', 'Taking on parts of a care coordinator''s caseload or duties', 170),
  (gen_random_uuid(), NULL, 'Discharge and transition support', 'Supporting people as they leave hospital or move between services', 180),
  (gen_random_uuid(), NULL, 'Recovery and wellbeing planning', 'Helping people set and work towards their own recovery goals', 190),
  (gen_random_uuid(), NULL, 'Welcoming new service users', 'Meeting people when they first come into the service', 200),
  (gen_random_uuid(), NULL, 'Supporting families and carers', 'Offering peer support to families, friends and carers', 210),
  (gen_random_uuid(), NULL, 'Practical help with housing, benefits or money', 'Helping people sort out practical problems', 220),
  (gen_random_uuid(), NULL, 'Physical health and wellbeing activities', 'Walking groups, healthy living and similar activities', 230),
  (gen_random_uuid(), NULL, 'Recruitment panels', 'Sitting on interview panels for the service', 240),
  (gen_random_uuid(), NULL, 'Duty or reception cover', 'Covering the duty rota or reception when the team is short', 250),
  (gen_random_uuid(), NULL, 'Gathering service user feedback', 'Collecting and reporting what people think of the service', 260);

-- CreateEnum
CREATE TYPE "CriterionCategory" AS ENUM ('LIVED_EXPERIENCE', 'VALUES', 'SKILLS_KNOWLEDGE', 'PRACTICAL');

-- CreateEnum
CREATE TYPE "AssessmentMethod" AS ENUM ('APPLICATION', 'INTERVIEW', 'TASK');

-- CreateEnum
CREATE TYPE "ScoringStage" AS ENUM ('SHORTLISTING', 'INTERVIEW');

-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING', 'DECIDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CandidateReach" AS ENUM ('OPEN_ADVERT', 'DIRECT_APPROACH');

-- CreateEnum
CREATE TYPE "PanelRole" AS ENUM ('CHAIR', 'MEMBER');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('KNOWS_THEM', 'RELATED', 'LINE_MANAGED_THEM', 'SUPPORTED_AS_SERVICE_USER');

-- CreateEnum
CREATE TYPE "ShortlistOutcome" AS ENUM ('INVITED', 'NOT_INVITED');

-- CreateEnum
CREATE TYPE "RecruitmentOutcome" AS ENUM ('APPOINTED', 'RESERVE', 'NOT_APPOINTED');

-- CreateTable
CREATE TABLE "RecruitmentSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "minScorers" INTEGER NOT NULL DEFAULT 2,
    "minLivedExperience" INTEGER NOT NULL DEFAULT 1,
    "minHrOrManager" INTEGER NOT NULL DEFAULT 1,
    "retentionMonths" INTEGER NOT NULL DEFAULT 6,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecruitmentSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonSpecification" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "roleVersionId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonSpecification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "specificationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "CriterionCategory" NOT NULL,
    "wording" TEXT NOT NULL,
    "essential" BOOLEAN NOT NULL,
    "assessedBy" "AssessmentMethod"[],
    "weight" INTEGER NOT NULL DEFAULT 1,
    "descriptors" TEXT[],
    "questions" TEXT[],

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vacancy" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "roleVersionId" UUID NOT NULL,
    "specificationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "closingDate" DATE NOT NULL,
    "reach" "CandidateReach" NOT NULL,
    "status" "VacancyStatus" NOT NULL DEFAULT 'DRAFT',
    "decidedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMember" (
    "id" UUID NOT NULL,
    "vacancyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "PanelRole" NOT NULL DEFAULT 'MEMBER',
    "shortlisting" BOOLEAN NOT NULL DEFAULT true,
    "interview" BOOLEAN NOT NULL DEFAULT true,
    "conflictsDeclaredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "vacancyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "adjustments" TEXT,
    "guaranteedInterview" BOOLEAN NOT NULL DEFAULT false,
    "shortlistOutcome" "ShortlistOutcome",
    "shortlistReason" TEXT,
    "packReleasedAt" TIMESTAMP(3),
    "outcome" "RecruitmentOutcome",
    "rationale" TEXT,
    "essentialJustification" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "retainUntil" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationAnswer" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "text" TEXT,
    "identifying" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ApplicationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" UUID NOT NULL,
    "vacancyId" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "stage" "ScoringStage" NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT,
    "correctsId" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationNote" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "stage" "ScoringStage" NOT NULL,
    "criterionId" UUID,
    "text" TEXT,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "vacancyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "roleVersionId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedAt" TIMESTAMP(3),

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonSpecification_teamId_createdAt_idx" ON "PersonSpecification"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Criterion_specificationId_position_idx" ON "Criterion"("specificationId", "position");

-- CreateIndex
CREATE INDEX "Vacancy_teamId_status_closingDate_idx" ON "Vacancy"("teamId", "status", "closingDate");

-- CreateIndex
CREATE INDEX "Vacancy_status_closingDate_idx" ON "Vacancy"("status", "closingDate");

-- CreateIndex
CREATE INDEX "PanelMember_userId_idx" ON "PanelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelMember_vacancyId_userId_key" ON "PanelMember"("vacancyId", "userId");

-- CreateIndex
CREATE INDEX "Candidate_retainUntil_purgedAt_idx" ON "Candidate"("retainUntil", "purgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_vacancyId_number_key" ON "Candidate"("vacancyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationAnswer_candidateId_criterionId_key" ON "ApplicationAnswer"("candidateId", "criterionId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_vacancyId_userId_idx" ON "ConflictDeclaration"("vacancyId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_candidateId_userId_key" ON "ConflictDeclaration"("candidateId", "userId");

-- CreateIndex
CREATE INDEX "ScoreSheet_userId_idx" ON "ScoreSheet"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_candidateId_userId_stage_key" ON "ScoreSheet"("candidateId", "userId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "Score_correctsId_key" ON "Score"("correctsId");

-- CreateIndex
CREATE INDEX "Score_sheetId_criterionId_idx" ON "Score"("sheetId", "criterionId");

-- CreateIndex
CREATE INDEX "ModerationNote_candidateId_stage_createdAt_idx" ON "ModerationNote"("candidateId", "stage", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_candidateId_key" ON "Appointment"("candidateId");

-- CreateIndex
CREATE INDEX "Appointment_teamId_placedAt_idx" ON "Appointment"("teamId", "placedAt");

-- CreateIndex
CREATE INDEX "Appointment_userId_idx" ON "Appointment"("userId");

-- AddForeignKey
ALTER TABLE "PersonSpecification" ADD CONSTRAINT "PersonSpecification_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonSpecification" ADD CONSTRAINT "PersonSpecification_roleVersionId_fkey" FOREIGN KEY ("roleVersionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonSpecification" ADD CONSTRAINT "PersonSpecification_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_specificationId_fkey" FOREIGN KEY ("specificationId") REFERENCES "PersonSpecification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_roleVersionId_fkey" FOREIGN KEY ("roleVersionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_specificationId_fkey" FOREIGN KEY ("specificationId") REFERENCES "PersonSpecification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAnswer" ADD CONSTRAINT "ApplicationAnswer_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAnswer" ADD CONSTRAINT "ApplicationAnswer_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Score"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationNote" ADD CONSTRAINT "ModerationNote_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationNote" ADD CONSTRAINT "ModerationNote_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationNote" ADD CONSTRAINT "ModerationNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_roleVersionId_fkey" FOREIGN KEY ("roleVersionId") REFERENCES "RoleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express: one settings row, and ranges the forms also check.
ALTER TABLE "RecruitmentSettings" ADD CONSTRAINT "RecruitmentSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "RecruitmentSettings" ADD CONSTRAINT "RecruitmentSettings_ranges" CHECK (
  "minScorers" BETWEEN 1 AND 10 AND "minLivedExperience" BETWEEN 0 AND 10 AND "minHrOrManager" BETWEEN 0 AND 10 AND "retentionMonths" BETWEEN 1 AND 72);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_weight_range" CHECK ("weight" BETWEEN 1 AND 5);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_assessed_somewhere" CHECK (cardinality("assessedBy") >= 1);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_five_descriptors" CHECK (cardinality("descriptors") = 5);
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_posts_range" CHECK ("posts" BETWEEN 1 AND 50);
ALTER TABLE "Score" ADD CONSTRAINT "Score_range" CHECK ("score" BETWEEN 0 AND 4);
ALTER TABLE "Score" ADD CONSTRAINT "Score_correction_has_reason" CHECK ("correctsId" IS NULL OR "reason" IS NOT NULL);
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_number_positive" CHECK ("number" >= 1);

-- A submitted score is never changed: only its evidence may be erased (the retention purge), and it is never deleted.
CREATE FUNCTION "Score_keep_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ScoreSheet" s WHERE s.id = OLD."sheetId" AND s."submittedAt" IS NOT NULL) THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'A submitted score cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.score IS DISTINCT FROM OLD.score OR NEW."criterionId" IS DISTINCT FROM OLD."criterionId" OR NEW."sheetId" IS DISTINCT FROM OLD."sheetId"
       OR NEW."correctsId" IS DISTINCT FROM OLD."correctsId" OR NEW.reason IS DISTINCT FROM OLD.reason AND NEW.reason IS NOT NULL
       OR NEW.evidence IS DISTINCT FROM OLD.evidence AND NEW.evidence IS NOT NULL THEN
      RAISE EXCEPTION 'A submitted score cannot be changed: record a correction instead' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "Score_keep_submitted" BEFORE UPDATE OR DELETE ON "Score" FOR EACH ROW EXECUTE FUNCTION "Score_keep_submitted"();

-- CreateEnum
CREATE TYPE "SupervisionType" AS ENUM ('PEER', 'LINE_MANAGEMENT', 'CLINICAL', 'GROUP_REFLECTIVE');

-- CreateEnum
CREATE TYPE "SupervisionActionStatus" AS ENUM ('OPEN', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "LibraryScope" AS ENUM ('TEAM', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "LibraryEntryStatus" AS ENUM ('PROPOSED', 'PUBLISHED', 'WITHDRAWN', 'DECLINED');

-- CreateTable
CREATE TABLE "SupervisionAgreement" (
    "id" UUID NOT NULL,
    "placementId" UUID NOT NULL,
    "peerWorkerId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "signedByPeerWorkerAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionArrangement" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "type" "SupervisionType" NOT NULL,
    "supervisorId" UUID NOT NULL,
    "everyWeeks" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "signedBySupervisorAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionArrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTopic" (
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SupervisionTopic_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SupervisionSession" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "arrangementId" UUID NOT NULL,
    "type" "SupervisionType" NOT NULL,
    "supervisorId" UUID NOT NULL,
    "peerWorkerId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "attendees" TEXT NOT NULL DEFAULT '',
    "topics" TEXT[],
    "notes" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "cosignedAt" TIMESTAMP(3),
    "cosignedById" UUID,
    "amendsId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionComment" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionAction" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "SupervisionActionStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL,
    "peerWorkerId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "sessionId" UUID,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supported" INTEGER NOT NULL,
    "clearRole" INTEGER NOT NULL,
    "equalMember" INTEGER NOT NULL,
    "experienceValued" INTEGER NOT NULL,
    "practiseAsPeer" INTEGER NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryEntry" (
    "id" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "sessionId" UUID,
    "scope" "LibraryScope" NOT NULL,
    "title" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "whatIDid" TEXT NOT NULL,
    "whatILearned" TEXT NOT NULL,
    "tags" TEXT[],
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "confirmedNoIdentifiers" BOOLEAN NOT NULL DEFAULT false,
    "status" "LibraryEntryStatus" NOT NULL DEFAULT 'PROPOSED',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "LibraryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "smallNumbersThreshold" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionAgreement_placementId_key" ON "SupervisionAgreement"("placementId");

-- CreateIndex
CREATE INDEX "SupervisionAgreement_teamId_idx" ON "SupervisionAgreement"("teamId");

-- CreateIndex
CREATE INDEX "SupervisionAgreement_peerWorkerId_idx" ON "SupervisionAgreement"("peerWorkerId");

-- CreateIndex
CREATE INDEX "SupervisionArrangement_agreementId_type_idx" ON "SupervisionArrangement"("agreementId", "type");

-- CreateIndex
CREATE INDEX "SupervisionArrangement_supervisorId_endedAt_idx" ON "SupervisionArrangement"("supervisorId", "endedAt");

-- CreateIndex
CREATE INDEX "SupervisionTopic_position_idx" ON "SupervisionTopic"("position");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionSession_amendsId_key" ON "SupervisionSession"("amendsId");

-- CreateIndex
CREATE INDEX "SupervisionSession_agreementId_arrangementId_heldOn_idx" ON "SupervisionSession"("agreementId", "arrangementId", "heldOn");

-- CreateIndex
CREATE INDEX "SupervisionSession_peerWorkerId_heldOn_idx" ON "SupervisionSession"("peerWorkerId", "heldOn");

-- CreateIndex
CREATE INDEX "SupervisionSession_supervisorId_heldOn_idx" ON "SupervisionSession"("supervisorId", "heldOn");

-- CreateIndex
CREATE INDEX "SupervisionComment_sessionId_createdAt_idx" ON "SupervisionComment"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionAction_agreementId_status_idx" ON "SupervisionAction"("agreementId", "status");

-- CreateIndex
CREATE INDEX "SupervisionAction_ownerId_status_dueOn_idx" ON "SupervisionAction"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_sessionId_key" ON "CheckIn"("sessionId");

-- CreateIndex
CREATE INDEX "CheckIn_peerWorkerId_answeredAt_idx" ON "CheckIn"("peerWorkerId", "answeredAt");

-- CreateIndex
CREATE INDEX "CheckIn_teamId_answeredAt_idx" ON "CheckIn"("teamId", "answeredAt");

-- CreateIndex
CREATE INDEX "CheckIn_answeredAt_idx" ON "CheckIn"("answeredAt");

-- CreateIndex
CREATE INDEX "LibraryEntry_status_scope_createdAt_idx" ON "LibraryEntry"("status", "scope", "createdAt");

-- CreateIndex
CREATE INDEX "LibraryEntry_teamId_status_idx" ON "LibraryEntry"("teamId", "status");

-- CreateIndex
CREATE INDEX "LibraryEntry_authorId_idx" ON "LibraryEntry"("authorId");

-- CreateIndex
CREATE INDEX "LibraryEntry_tags_idx" ON "LibraryEntry" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "LibraryEntry_search_idx" ON "LibraryEntry" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "SupervisionAgreement" ADD CONSTRAINT "SupervisionAgreement_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAgreement" ADD CONSTRAINT "SupervisionAgreement_peerWorkerId_fkey" FOREIGN KEY ("peerWorkerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAgreement" ADD CONSTRAINT "SupervisionAgreement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAgreement" ADD CONSTRAINT "SupervisionAgreement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionArrangement" ADD CONSTRAINT "SupervisionArrangement_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "SupervisionAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionArrangement" ADD CONSTRAINT "SupervisionArrangement_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "SupervisionAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "SupervisionArrangement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_peerWorkerId_fkey" FOREIGN KEY ("peerWorkerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_cosignedById_fkey" FOREIGN KEY ("cosignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "SupervisionSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionComment" ADD CONSTRAINT "SupervisionComment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SupervisionSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionComment" ADD CONSTRAINT "SupervisionComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "SupervisionAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SupervisionSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_peerWorkerId_fkey" FOREIGN KEY ("peerWorkerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SupervisionSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SupervisionSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Written by hand: what Prisma cannot express ----

-- Ranges.
ALTER TABLE "SupervisionArrangement" ADD CONSTRAINT "SupervisionArrangement_everyWeeks_range" CHECK ("everyWeeks" BETWEEN 1 AND 52);
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_duration_range" CHECK ("durationMinutes" BETWEEN 5 AND 600);
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_answers_range" CHECK (
  "supported" BETWEEN 1 AND 5 AND "clearRole" BETWEEN 1 AND 5 AND "equalMember" BETWEEN 1 AND 5 AND "experienceValued" BETWEEN 1 AND 5 AND "practiseAsPeer" BETWEEN 1 AND 5
);
ALTER TABLE "SupervisionSettings" ADD CONSTRAINT "SupervisionSettings_one_row" CHECK ("id" = 1);
ALTER TABLE "SupervisionSettings" ADD CONSTRAINT "SupervisionSettings_threshold_range" CHECK ("smallNumbersThreshold" BETWEEN 5 AND 50);

-- A co-signed record is never edited or deleted: an amendment is a new row. Only key rotation
-- (npm run keys:rotate, which sets peerroles.rotating_keys for its transaction) re-encrypts its notes.
CREATE FUNCTION supervision_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."cosignedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."cosignedAt" IS NOT NULL THEN
    IF NEW."notes" IS DISTINCT FROM OLD."notes" AND coalesce(current_setting('peerroles.rotating_keys', true), '') <> 'on' THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."type" IS DISTINCT FROM OLD."type" OR NEW."heldOn" IS DISTINCT FROM OLD."heldOn" OR NEW."durationMinutes" IS DISTINCT FROM OLD."durationMinutes"
      OR NEW."attendees" IS DISTINCT FROM OLD."attendees" OR NEW."topics" IS DISTINCT FROM OLD."topics" OR NEW."cosignedAt" IS DISTINCT FROM OLD."cosignedAt"
      OR NEW."cosignedById" IS DISTINCT FROM OLD."cosignedById" OR NEW."supervisorId" IS DISTINCT FROM OLD."supervisorId" OR NEW."peerWorkerId" IS DISTINCT FROM OLD."peerWorkerId"
      OR NEW."agreementId" IS DISTINCT FROM OLD."agreementId" OR NEW."arrangementId" IS DISTINCT FROM OLD."arrangementId" OR NEW."amendsId" IS DISTINCT FROM OLD."amendsId" THEN
      RAISE EXCEPTION 'a co-signed supervision record cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "SupervisionSession_guard" BEFORE UPDATE OR DELETE ON "SupervisionSession" FOR EACH ROW EXECUTE FUNCTION supervision_session_guard();

-- The library's full-text search: title and tags weigh most, then the reflection itself.
CREATE FUNCTION library_entry_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."title", '') || ' ' || array_to_string(NEW."tags", ' ')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."whatIDid", '') || ' ' || coalesce(NEW."whatILearned", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."situation", '')), 'C');
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LibraryEntry_search" BEFORE INSERT OR UPDATE OF "title", "tags", "situation", "whatIDid", "whatILearned" ON "LibraryEntry" FOR EACH ROW EXECUTE FUNCTION library_entry_search();

-- The topic catalogue every organisation starts with.
INSERT INTO "SupervisionTopic" ("key", "label", "position") VALUES
  ('lived-experience', 'Using lived experience in practice', 1),
  ('sharing-story', 'Sharing my story safely', 2),
  ('own-boundaries', 'Boundaries I set for myself', 3),
  ('role-clarity', 'Role clarity', 4),
  ('team-relationships', 'Relationships in the team', 5),
  ('outside-role', 'Being asked to act outside the peer role', 6),
  ('wellbeing', 'Wellbeing and self-care', 7),
  ('training', 'Training and development', 8),
  ('caseload', 'Caseload', 9),
  ('safeguarding', 'Safeguarding', 10),
  ('other', 'Other', 11);

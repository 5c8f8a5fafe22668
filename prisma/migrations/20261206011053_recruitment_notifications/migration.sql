-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PANEL_ADDED';
ALTER TYPE "NotificationKind" ADD VALUE 'SCORING_OPEN';
ALTER TYPE "NotificationKind" ADD VALUE 'SCORES_IN';
ALTER TYPE "NotificationKind" ADD VALUE 'DECISION_RECORDED';

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "declarationKey" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_declarationKey_key" ON "Candidate"("declarationKey");

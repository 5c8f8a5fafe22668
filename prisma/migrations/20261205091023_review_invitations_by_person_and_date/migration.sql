-- DropIndex
DROP INDEX "ReviewInvitation_userId_idx";

-- CreateIndex
CREATE INDEX "ReviewInvitation_userId_createdAt_idx" ON "ReviewInvitation"("userId", "createdAt");

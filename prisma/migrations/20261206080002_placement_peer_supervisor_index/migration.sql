-- CreateIndex
CREATE INDEX "Placement_peerSupervisorId_endedAt_idx" ON "Placement"("peerSupervisorId", "endedAt");

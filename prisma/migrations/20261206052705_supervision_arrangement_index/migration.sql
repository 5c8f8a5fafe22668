-- CreateIndex
CREATE INDEX "SupervisionSession_arrangementId_heldOn_idx" ON "SupervisionSession"("arrangementId", "heldOn");

-- CreateEnum
CREATE TYPE "PeopleImportStatus" AS ENUM ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "PeopleImport" (
    "id" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "cells" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "status" "PeopleImportStatus" NOT NULL DEFAULT 'DRAFT',
    "disableMissing" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "outcomes" JSONB,
    "failure" TEXT,
    "dispatchedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeopleImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeopleImport_createdById_createdAt_idx" ON "PeopleImport"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "PeopleImport_status_dispatchedAt_idx" ON "PeopleImport"("status", "dispatchedAt");

-- AddForeignKey
ALTER TABLE "PeopleImport" ADD CONSTRAINT "PeopleImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Progress never runs past the number of people to write.
ALTER TABLE "PeopleImport" ADD CONSTRAINT "PeopleImport_progress_check" CHECK ("processed" >= 0 AND "processed" <= "total");

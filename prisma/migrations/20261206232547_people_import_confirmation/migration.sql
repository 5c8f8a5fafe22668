-- AlterTable
ALTER TABLE "PeopleImport" ADD COLUMN     "administratorChanges" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "expectedCounts" TEXT;

-- AlterTable
ALTER TABLE "OrganisationMeasures" ADD COLUMN     "measures" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "serviceTypes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "TeamMeasures" ADD COLUMN     "arrangements" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "expectations" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "sharedView" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "supervision" INTEGER NOT NULL DEFAULT 3;

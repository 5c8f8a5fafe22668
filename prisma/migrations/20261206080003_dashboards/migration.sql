-- CreateTable
CREATE TABLE "DashboardSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "thresholds" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DashboardSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMeasures" (
    "teamId" UUID NOT NULL,
    "measures" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamMeasures_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "OrganisationMeasures" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "clearRole" DOUBLE PRECISION,
    "practiseAsPeer" DOUBLE PRECISION,
    "checkInQuarter" TEXT,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationMeasures_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "TeamMeasures" ADD CONSTRAINT "TeamMeasures_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row each: the organisation's settings and its own measures.
ALTER TABLE "DashboardSettings" ADD CONSTRAINT "DashboardSettings_one_row" CHECK ("id" = 1);
ALTER TABLE "OrganisationMeasures" ADD CONSTRAINT "OrganisationMeasures_one_row" CHECK ("id" = 1);

-- CreateTable
CREATE TABLE "CheckInQuarter" (
    "quarter" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "organisation" JSONB NOT NULL,

    CONSTRAINT "CheckInQuarter_pkey" PRIMARY KEY ("quarter")
);

-- CreateTable
CREATE TABLE "CheckInTeamFigure" (
    "quarter" TEXT NOT NULL,
    "teamId" UUID NOT NULL,
    "figure" JSONB NOT NULL,

    CONSTRAINT "CheckInTeamFigure_pkey" PRIMARY KEY ("quarter","teamId")
);

-- CreateIndex
CREATE INDEX "CheckInTeamFigure_teamId_quarter_idx" ON "CheckInTeamFigure"("teamId", "quarter");

-- AddForeignKey
ALTER TABLE "CheckInTeamFigure" ADD CONSTRAINT "CheckInTeamFigure_quarter_fkey" FOREIGN KEY ("quarter") REFERENCES "CheckInQuarter"("quarter") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInTeamFigure" ADD CONSTRAINT "CheckInTeamFigure_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Quarters are named as lib/supervision/rules.ts quarterOf names them, so they sort in time order.
ALTER TABLE "CheckInQuarter" ADD CONSTRAINT "CheckInQuarter_quarter_format" CHECK ("quarter" ~ '^[0-9]{4}-Q[1-4]$');

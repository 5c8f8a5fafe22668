-- AlterTable: null until the nightly job counts again (a row counted before reads "not counted yet").
ALTER TABLE "TeamMeasures" ADD COLUMN     "unsettledRoleIds" UUID[];

-- AlterTable
ALTER TABLE "TeamMeasures" ADD COLUMN     "unsettledRoleIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REVIEW_REQUESTED', 'CHECK_REQUESTED', 'CONCERN_RAISED', 'CONCERN_REPLIED', 'VERSION_AGREED', 'PASSWORD_LINK', 'REMINDER', 'NOT_RESPONDED');

-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('QUEUED', 'SENDING', 'DIGEST', 'SENT', 'NOT_SENT', 'BUNDLED');

-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('EACH', 'DAILY_DIGEST');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "recipientId" UUID NOT NULL,
    "teamName" TEXT,
    "title" TEXT,
    "path" TEXT NOT NULL,
    "requestKey" TEXT,
    "count" INTEGER,
    "secretPath" TEXT,
    "emailState" "EmailState" NOT NULL DEFAULT 'QUEUED',
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "delivery" "EmailDelivery" NOT NULL DEFAULT 'EACH',
    "mutedKinds" "NotificationKind"[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reminderWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_emailState_createdAt_idx" ON "Notification"("emailState", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_requestKey_kind_createdAt_idx" ON "Notification"("requestKey", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One row of organisation settings; reminders between 1 and 20 working days.
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_reminderWorkingDays_range" CHECK ("reminderWorkingDays" BETWEEN 1 AND 20);

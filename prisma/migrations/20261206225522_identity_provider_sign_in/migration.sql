-- CreateTable
CREATE TABLE "IdentityProviderLink" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityProviderLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "identityProviderRequired" BOOLEAN NOT NULL DEFAULT false,
    "allowedEmailDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProviderLink_issuer_subject_key" ON "IdentityProviderLink"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProviderLink_userId_issuer_key" ON "IdentityProviderLink"("userId", "issuer");

-- AddForeignKey
ALTER TABLE "IdentityProviderLink" ADD CONSTRAINT "IdentityProviderLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

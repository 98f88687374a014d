-- Organization, people, permissions and the audit trail: new columns, tables and indexes.

ALTER TABLE "AspNetUsers" ADD "RequireTwoFactor" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "OrgUnits" ADD "MergedIntoId" TEXT NULL;

ALTER TABLE "People" ADD "IdNumberCipher" TEXT NULL;

ALTER TABLE "People" ADD "IdNumberMasked" TEXT NULL;

ALTER TABLE "People" ADD "IdNumberHash" TEXT NULL;

ALTER TABLE "People" ADD "PhoneCipher" TEXT NULL;

ALTER TABLE "People" ADD "PhoneMasked" TEXT NULL;

ALTER TABLE "People" ADD "JoinedPartyOn" TEXT NULL;

ALTER TABLE "People" ADD "FullMemberOn" TEXT NULL;

CREATE TABLE "AppSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_AppSecrets" PRIMARY KEY,
    "ProtectedValue" TEXT NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ObjectType" TEXT NULL,
    "ObjectId" TEXT NULL,
    "Summary" TEXT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "SecuritySettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecuritySettings" PRIMARY KEY,
    "PasswordMinLength" INTEGER NOT NULL,
    "PasswordMinClasses" INTEGER NOT NULL,
    "PasswordHistory" INTEGER NOT NULL,
    "PasswordExpiryDays" INTEGER NOT NULL,
    "LockoutThreshold" INTEGER NOT NULL,
    "LockoutMinutes" INTEGER NOT NULL,
    "IdleTimeoutMinutes" INTEGER NOT NULL,
    "ApiTokenMaxDays" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "SupervisionLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionLinks" PRIMARY KEY,
    "SupervisorUnitId" TEXT NOT NULL,
    "SupervisedUnitId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SupervisionLinks_OrgUnits_SupervisedUnitId" FOREIGN KEY ("SupervisedUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SupervisionLinks_OrgUnits_SupervisorUnitId" FOREIGN KEY ("SupervisorUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PersonUnitRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PersonUnitRoles" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_PersonUnitRoles_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PersonUnitRoles_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEntries_Action_OccurredAt" ON "AuditEntries" ("Action", "OccurredAt");

CREATE INDEX "IX_AuditEntries_ObjectType_ObjectId" ON "AuditEntries" ("ObjectType", "ObjectId");

CREATE INDEX "IX_AuditEntries_OccurredAt" ON "AuditEntries" ("OccurredAt");

CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");

CREATE INDEX "IX_AuditEntries_UserName_OccurredAt" ON "AuditEntries" ("UserName", "OccurredAt");

CREATE INDEX "IX_OrgUnits_MergedIntoId" ON "OrgUnits" ("MergedIntoId");

CREATE UNIQUE INDEX "IX_People_IdNumberHash" ON "People" ("IdNumberHash");

CREATE INDEX "IX_People_Name" ON "People" ("Name");

CREATE INDEX "IX_PersonUnitRoles_OrgUnitId" ON "PersonUnitRoles" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_PersonUnitRoles_PersonId_OrgUnitId_Title" ON "PersonUnitRoles" ("PersonId", "OrgUnitId", "Title");

CREATE INDEX "IX_SupervisionLinks_SupervisedUnitId" ON "SupervisionLinks" ("SupervisedUnitId");

CREATE UNIQUE INDEX "IX_SupervisionLinks_SupervisorUnitId_SupervisedUnitId" ON "SupervisionLinks" ("SupervisorUnitId", "SupervisedUnitId");

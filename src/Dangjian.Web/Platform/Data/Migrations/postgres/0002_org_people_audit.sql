-- Organization, people, permissions and the audit trail: new columns, tables and indexes.

ALTER TABLE "AspNetUsers" ADD "RequireTwoFactor" boolean NOT NULL DEFAULT FALSE;

ALTER TABLE "AspNetUsers" ALTER COLUMN "RequireTwoFactor" DROP DEFAULT;

ALTER TABLE "OrgUnits" ADD "MergedIntoId" uuid;

ALTER TABLE "People" ADD "IdNumberCipher" character varying(1000);

ALTER TABLE "People" ADD "IdNumberMasked" character varying(24);

ALTER TABLE "People" ADD "IdNumberHash" character varying(64);

ALTER TABLE "People" ADD "PhoneCipher" character varying(1000);

ALTER TABLE "People" ADD "PhoneMasked" character varying(24);

ALTER TABLE "People" ADD "JoinedPartyOn" date;

ALTER TABLE "People" ADD "FullMemberOn" date;

CREATE TABLE "AppSecrets" (
    "Name" character varying(100) NOT NULL,
    "ProtectedValue" character varying(2000) NOT NULL,
    CONSTRAINT "PK_AppSecrets" PRIMARY KEY ("Name")
);

CREATE TABLE "AuditEntries" (
    "Id" uuid NOT NULL,
    "Sequence" bigint NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "UserId" uuid,
    "UserName" character varying(256),
    "ClientAddress" character varying(64),
    "Action" character varying(64) NOT NULL,
    "ObjectType" character varying(64),
    "ObjectId" character varying(64),
    "Summary" character varying(1000),
    "Before" character varying(20000),
    "After" character varying(20000),
    "Outcome" character varying(8) NOT NULL,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id")
);

CREATE TABLE "SecuritySettings" (
    "Id" uuid NOT NULL,
    "PasswordMinLength" integer NOT NULL,
    "PasswordMinClasses" integer NOT NULL,
    "PasswordHistory" integer NOT NULL,
    "PasswordExpiryDays" integer NOT NULL,
    "LockoutThreshold" integer NOT NULL,
    "LockoutMinutes" integer NOT NULL,
    "IdleTimeoutMinutes" integer NOT NULL,
    "ApiTokenMaxDays" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SecuritySettings" PRIMARY KEY ("Id")
);

CREATE TABLE "SupervisionLinks" (
    "Id" uuid NOT NULL,
    "SupervisorUnitId" uuid NOT NULL,
    "SupervisedUnitId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SupervisionLinks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupervisionLinks_OrgUnits_SupervisedUnitId" FOREIGN KEY ("SupervisedUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SupervisionLinks_OrgUnits_SupervisorUnitId" FOREIGN KEY ("SupervisorUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PersonUnitRoles" (
    "Id" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Title" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_PersonUnitRoles" PRIMARY KEY ("Id"),
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

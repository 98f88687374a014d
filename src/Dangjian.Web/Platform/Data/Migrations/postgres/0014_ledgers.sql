-- Supervision ledgers (督办台账): items and their monthly reports (月调度).

CREATE TABLE "Ledgers" (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Kind" integer NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "ReportDay" integer NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Ledgers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Ledgers_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LedgerItems" (
    "Id" uuid NOT NULL,
    "LedgerId" uuid NOT NULL,
    "Source" character varying(200) NOT NULL,
    "SourceDate" date,
    "Issuer" character varying(100),
    "Content" character varying(4000) NOT NULL,
    "LeadLeaderId" uuid NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "Cooperating" character varying(200),
    "StartsOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "Progress" integer NOT NULL,
    "DoneOn" date,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_LedgerItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LedgerItems_Ledgers_LedgerId" FOREIGN KEY ("LedgerId") REFERENCES "Ledgers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LedgerItems_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LedgerItems_People_LeadLeaderId" FOREIGN KEY ("LeadLeaderId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonthlyReports" (
    "Id" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "Month" date NOT NULL,
    "Progress" integer NOT NULL,
    "Narrative" character varying(4000) NOT NULL,
    "ReporterId" uuid,
    "Comment" character varying(2000),
    "CommentBy" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_MonthlyReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MonthlyReports_LedgerItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "LedgerItems" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LedgerItems_DeletedAt" ON "LedgerItems" ("DeletedAt");

CREATE INDEX "IX_LedgerItems_DepartmentId" ON "LedgerItems" ("DepartmentId");

CREATE INDEX "IX_LedgerItems_LeadLeaderId" ON "LedgerItems" ("LeadLeaderId");

CREATE INDEX "IX_LedgerItems_LedgerId_DepartmentId" ON "LedgerItems" ("LedgerId", "DepartmentId");

CREATE INDEX "IX_Ledgers_DeletedAt" ON "Ledgers" ("DeletedAt");

CREATE INDEX "IX_Ledgers_OwnerUnitId" ON "Ledgers" ("OwnerUnitId");

CREATE UNIQUE INDEX "IX_MonthlyReports_ItemId_Month" ON "MonthlyReports" ("ItemId", "Month");

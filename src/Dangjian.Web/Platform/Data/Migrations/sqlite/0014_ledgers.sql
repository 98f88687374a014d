-- Supervision ledgers (督办台账): items and their monthly reports (月调度).

CREATE TABLE "Ledgers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Ledgers" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "OwnerUnitId" TEXT NOT NULL,
    "ReportDay" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Ledgers_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LedgerItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LedgerItems" PRIMARY KEY,
    "LedgerId" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceDate" TEXT NULL,
    "Issuer" TEXT NULL,
    "Content" TEXT NOT NULL,
    "LeadLeaderId" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "Cooperating" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "DoneOn" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_LedgerItems_Ledgers_LedgerId" FOREIGN KEY ("LedgerId") REFERENCES "Ledgers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LedgerItems_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LedgerItems_People_LeadLeaderId" FOREIGN KEY ("LeadLeaderId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonthlyReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MonthlyReports" PRIMARY KEY,
    "ItemId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Narrative" TEXT NOT NULL,
    "ReporterId" TEXT NULL,
    "Comment" TEXT NULL,
    "CommentBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_MonthlyReports_LedgerItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "LedgerItems" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LedgerItems_DeletedAt" ON "LedgerItems" ("DeletedAt");

CREATE INDEX "IX_LedgerItems_DepartmentId" ON "LedgerItems" ("DepartmentId");

CREATE INDEX "IX_LedgerItems_LeadLeaderId" ON "LedgerItems" ("LeadLeaderId");

CREATE INDEX "IX_LedgerItems_LedgerId_DepartmentId" ON "LedgerItems" ("LedgerId", "DepartmentId");

CREATE INDEX "IX_Ledgers_DeletedAt" ON "Ledgers" ("DeletedAt");

CREATE INDEX "IX_Ledgers_OwnerUnitId" ON "Ledgers" ("OwnerUnitId");

CREATE UNIQUE INDEX "IX_MonthlyReports_ItemId_Month" ON "MonthlyReports" ("ItemId", "Month");

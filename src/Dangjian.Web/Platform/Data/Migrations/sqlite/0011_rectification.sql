-- Rectification: items with the "四明确一承诺" (a task tree), progress reports, closure and reopening; problems get a horizon and remember merges.

ALTER TABLE "Problems" ADD COLUMN "Horizon" INTEGER NULL;

ALTER TABLE "Problems" ADD COLUMN "MergedIntoId" TEXT NULL;

CREATE TABLE "RectificationItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RectificationItems" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "ProblemId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Goal" TEXT NULL,
    "Measures" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Horizon" INTEGER NOT NULL,
    "LeaderPersonId" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "Commitment" TEXT NULL,
    "Special" TEXT NULL,
    "RuleReference" TEXT NULL,
    "Weight" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "ClosedAt" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "ClosedById" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_RectificationItems_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_People_LeaderPersonId" FOREIGN KEY ("LeaderPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_Problems_ProblemId" FOREIGN KEY ("ProblemId") REFERENCES "Problems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_RectificationItems_ParentId" FOREIGN KEY ("ParentId") REFERENCES "RectificationItems" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ItemEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ItemEvents" PRIMARY KEY,
    "ItemId" TEXT NOT NULL,
    "Closed" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "ById" TEXT NULL,
    "ByName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ItemEvents_RectificationItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "RectificationItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProgressReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProgressReports" PRIMARY KEY,
    "ItemId" TEXT NOT NULL,
    "ReportedOn" TEXT NOT NULL,
    "Percent" INTEGER NOT NULL,
    "Narrative" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ReporterId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProgressReports_RectificationItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "RectificationItems" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ItemEvents_ItemId" ON "ItemEvents" ("ItemId");

CREATE INDEX "IX_ProgressReports_ItemId_ReportedOn" ON "ProgressReports" ("ItemId", "ReportedOn");

CREATE INDEX "IX_RectificationItems_CampaignId_DueOn" ON "RectificationItems" ("CampaignId", "DueOn");

CREATE INDEX "IX_RectificationItems_CampaignId_ParentId" ON "RectificationItems" ("CampaignId", "ParentId");

CREATE INDEX "IX_RectificationItems_DeletedAt" ON "RectificationItems" ("DeletedAt");

CREATE INDEX "IX_RectificationItems_DepartmentId" ON "RectificationItems" ("DepartmentId");

CREATE INDEX "IX_RectificationItems_LeaderPersonId" ON "RectificationItems" ("LeaderPersonId");

CREATE INDEX "IX_RectificationItems_ParentId" ON "RectificationItems" ("ParentId");

CREATE INDEX "IX_RectificationItems_ProblemId" ON "RectificationItems" ("ProblemId");

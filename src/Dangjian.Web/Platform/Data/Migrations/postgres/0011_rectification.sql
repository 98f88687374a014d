-- Rectification: items with the "四明确一承诺" (a task tree), progress reports, closure and reopening; problems get a horizon and remember merges.

ALTER TABLE "Problems" ADD "Horizon" integer;

ALTER TABLE "Problems" ADD "MergedIntoId" uuid;

CREATE TABLE "RectificationItems" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "ParentId" uuid,
    "ProblemId" uuid,
    "Title" character varying(200) NOT NULL,
    "Goal" character varying(2000),
    "Measures" character varying(4000),
    "StartsOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "Horizon" integer NOT NULL,
    "LeaderPersonId" uuid NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "Commitment" character varying(1000),
    "Special" character varying(100),
    "RuleReference" character varying(200),
    "Weight" integer NOT NULL,
    "SortOrder" integer NOT NULL,
    "Progress" integer NOT NULL,
    "Status" integer NOT NULL,
    "IsPublic" boolean NOT NULL,
    "ClosedAt" timestamp with time zone,
    "ClosedOn" date,
    "ClosedById" uuid,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_RectificationItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RectificationItems_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_People_LeaderPersonId" FOREIGN KEY ("LeaderPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_Problems_ProblemId" FOREIGN KEY ("ProblemId") REFERENCES "Problems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RectificationItems_RectificationItems_ParentId" FOREIGN KEY ("ParentId") REFERENCES "RectificationItems" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ItemEvents" (
    "Id" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "Closed" boolean NOT NULL,
    "Note" character varying(2000) NOT NULL,
    "ById" uuid,
    "ByName" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ItemEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ItemEvents_RectificationItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "RectificationItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProgressReports" (
    "Id" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "ReportedOn" date NOT NULL,
    "Percent" integer NOT NULL,
    "Narrative" character varying(4000) NOT NULL,
    "Reason" character varying(1000),
    "ReporterId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ProgressReports" PRIMARY KEY ("Id"),
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

-- Issue 23: 调研 (topics, their groups and reports, 成果交流) and the campaign's standing 载体 activities (联系点, 结对子,
-- 扶贫, 志愿服务, 竞赛, 服务企业), each with its dated visits (走访: where, which 县区, how many units, how many people).

CREATE TABLE "OutreachActivities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutreachActivities" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "Counterpart" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_OutreachActivities_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OutreachActivities_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ResearchTopics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResearchTopics" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "GroupName" TEXT NULL,
    "LeaderId" TEXT NULL,
    "Members" TEXT NULL,
    "ReportTitle" TEXT NULL,
    "ReportOn" TEXT NULL,
    "SharedOn" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ResearchTopics_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResearchTopics_People_LeaderId" FOREIGN KEY ("LeaderId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Visits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Visits" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "TopicId" TEXT NULL,
    "ActivityId" TEXT NULL,
    "VisitedOn" TEXT NOT NULL,
    "Target" INTEGER NOT NULL,
    "Place" TEXT NOT NULL,
    "District" TEXT NULL,
    "Units" INTEGER NOT NULL,
    "People" INTEGER NOT NULL,
    "Summary" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "CK_Visits_Owner" CHECK (("TopicId" IS NULL) <> ("ActivityId" IS NULL)),
    CONSTRAINT "FK_Visits_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_OutreachActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "OutreachActivities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Visits_ResearchTopics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "ResearchTopics" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutreachActivities_CampaignId_Kind" ON "OutreachActivities" ("CampaignId", "Kind");

CREATE INDEX "IX_OutreachActivities_PersonId" ON "OutreachActivities" ("PersonId");

CREATE INDEX "IX_ResearchTopics_CampaignId_CreatedAt" ON "ResearchTopics" ("CampaignId", "CreatedAt");

CREATE INDEX "IX_ResearchTopics_LeaderId" ON "ResearchTopics" ("LeaderId");

CREATE INDEX "IX_Visits_ActivityId" ON "Visits" ("ActivityId");

CREATE INDEX "IX_Visits_CampaignId_VisitedOn" ON "Visits" ("CampaignId", "VisitedOn");

CREATE INDEX "IX_Visits_TopicId" ON "Visits" ("TopicId");

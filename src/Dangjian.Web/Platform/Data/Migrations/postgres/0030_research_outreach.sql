-- Issue 23: 调研 (topics, their groups and reports, 成果交流) and the campaign's standing 载体 activities (联系点, 结对子,
-- 扶贫, 志愿服务, 竞赛, 服务企业), each with its dated visits (走访: where, which 县区, how many units, how many people).

CREATE TABLE "OutreachActivities" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "PersonId" uuid,
    "Counterpart" character varying(200),
    "StartsOn" date NOT NULL,
    "EndsOn" date,
    "Note" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_OutreachActivities" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OutreachActivities_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OutreachActivities_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ResearchTopics" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "GroupName" character varying(50),
    "LeaderId" uuid,
    "Members" character varying(500),
    "ReportTitle" character varying(200),
    "ReportOn" date,
    "SharedOn" date,
    "Note" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ResearchTopics" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ResearchTopics_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResearchTopics_People_LeaderId" FOREIGN KEY ("LeaderId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Visits" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "TopicId" uuid,
    "ActivityId" uuid,
    "VisitedOn" date NOT NULL,
    "Target" integer NOT NULL,
    "Place" character varying(200) NOT NULL,
    "District" character varying(50),
    "Units" integer NOT NULL,
    "People" integer NOT NULL,
    "Summary" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Visits" PRIMARY KEY ("Id"),
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

-- Generated summaries (环节小结, 活动总结): the figures each draft was written from.

CREATE TABLE "CampaignSummaries" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PhaseId" uuid,
    "DocumentId" uuid NOT NULL,
    "FiguresJson" character varying(20000) NOT NULL,
    "GeneratedAt" timestamp with time zone NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_CampaignSummaries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CampaignSummaries_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CampaignSummaries_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CampaignSummaries_Phases_PhaseId" FOREIGN KEY ("PhaseId") REFERENCES "Phases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CampaignSummaries_CampaignId_PhaseId" ON "CampaignSummaries" ("CampaignId", "PhaseId");

CREATE UNIQUE INDEX "IX_CampaignSummaries_DocumentId" ON "CampaignSummaries" ("DocumentId");

CREATE INDEX "IX_CampaignSummaries_PhaseId" ON "CampaignSummaries" ("PhaseId");

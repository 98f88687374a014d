-- Generated summaries (环节小结, 活动总结): the figures each draft was written from.

CREATE TABLE "CampaignSummaries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CampaignSummaries" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PhaseId" TEXT NULL,
    "DocumentId" TEXT NOT NULL,
    "FiguresJson" TEXT NOT NULL,
    "GeneratedAt" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_CampaignSummaries_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CampaignSummaries_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CampaignSummaries_Phases_PhaseId" FOREIGN KEY ("PhaseId") REFERENCES "Phases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CampaignSummaries_CampaignId_PhaseId" ON "CampaignSummaries" ("CampaignId", "PhaseId");

CREATE UNIQUE INDEX "IX_CampaignSummaries_DocumentId" ON "CampaignSummaries" ("DocumentId");

CREATE INDEX "IX_CampaignSummaries_PhaseId" ON "CampaignSummaries" ("PhaseId");

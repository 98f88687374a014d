-- Briefings (简报): numbered issues per campaign, each with its approval document.

CREATE TABLE "Briefings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Briefings" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "SentOn" TEXT NULL,
    "SentTo" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Briefings_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Briefings_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Briefings_CampaignId_Number" ON "Briefings" ("CampaignId", "Number");

CREATE UNIQUE INDEX "IX_Briefings_DocumentId" ON "Briefings" ("DocumentId");

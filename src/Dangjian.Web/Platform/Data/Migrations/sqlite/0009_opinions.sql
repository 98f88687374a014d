-- Opinions kept verbatim, from every channel including the public opinion box.

CREATE TABLE "Opinions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Opinions" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Concerns" TEXT NULL,
    "Nature" INTEGER NULL,
    "Topic" INTEGER NULL,
    "SubmitterName" TEXT NULL,
    "SubmitterContact" TEXT NULL,
    "TrackingHash" TEXT NULL,
    "Reply" TEXT NULL,
    "RepliedAt" TEXT NULL,
    "Note" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Opinions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Opinions_CampaignId_Channel" ON "Opinions" ("CampaignId", "Channel");

CREATE INDEX "IX_Opinions_DeletedAt" ON "Opinions" ("DeletedAt");

CREATE UNIQUE INDEX "IX_Opinions_TrackingHash" ON "Opinions" ("TrackingHash");

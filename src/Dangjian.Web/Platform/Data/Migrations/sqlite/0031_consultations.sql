-- Issue 23: 网上征求意见 — a plan or report put on the public site for comment (「把报告挂在本局的网页上」); comments
-- arrive as opinions of the channel 网上征求意见 linked to it.

CREATE TABLE "Consultations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Consultations" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "OpensOn" TEXT NOT NULL,
    "ClosesOn" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Consultations_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "Opinions" ADD "ConsultationId" TEXT NULL CONSTRAINT "FK_Opinions_Consultations_ConsultationId" REFERENCES "Consultations" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_Consultations_CampaignId_OpensOn" ON "Consultations" ("CampaignId", "OpensOn");

CREATE INDEX "IX_Opinions_ConsultationId" ON "Opinions" ("ConsultationId");

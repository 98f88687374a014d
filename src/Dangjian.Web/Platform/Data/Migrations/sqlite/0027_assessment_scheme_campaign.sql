-- Issue 23: an assessment scheme may belong to a campaign, whose summary then quotes its 流动红旗 (none for standing schemes).

ALTER TABLE "AssessmentSchemes" ADD "CampaignId" TEXT NULL CONSTRAINT "FK_AssessmentSchemes_Campaigns_CampaignId" REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_AssessmentSchemes_CampaignId" ON "AssessmentSchemes" ("CampaignId");

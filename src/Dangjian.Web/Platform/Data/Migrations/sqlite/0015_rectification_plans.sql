-- Per-unit rectification plans: an item belongs to the campaign's own plan (PlanUnitId null) or a 直属单位's;
-- a 整改方案 approval document records the unit whose plan it is.

ALTER TABLE "RectificationItems" ADD "PlanUnitId" TEXT NULL CONSTRAINT "FK_RectificationItems_OrgUnits_PlanUnitId" REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT;

ALTER TABLE "ApprovalDocuments" ADD "UnitId" TEXT NULL CONSTRAINT "FK_ApprovalDocuments_OrgUnits_UnitId" REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_RectificationItems_CampaignId_PlanUnitId" ON "RectificationItems" ("CampaignId", "PlanUnitId");

CREATE INDEX "IX_RectificationItems_PlanUnitId" ON "RectificationItems" ("PlanUnitId");

CREATE INDEX "IX_ApprovalDocuments_CampaignId_Kind_UnitId" ON "ApprovalDocuments" ("CampaignId", "Kind", "UnitId");

CREATE INDEX "IX_ApprovalDocuments_UnitId" ON "ApprovalDocuments" ("UnitId");

-- Issue 24: 所在党组织 — the 党支部, 党总支 or 党小组 holding a party member's membership (三会一课, 双重组织生活).

ALTER TABLE "People" ADD "BranchId" TEXT NULL CONSTRAINT "FK_People_OrgUnits_BranchId" REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_People_BranchId" ON "People" ("BranchId");

-- Issue 23: the second level of grouping above problems (归纳梳理为六个方面), ordered per campaign.

CREATE TABLE "ProblemAspects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProblemAspects" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProblemAspects_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ProblemAspects_CampaignId_Order" ON "ProblemAspects" ("CampaignId", "Order");

ALTER TABLE "Problems" ADD "AspectId" TEXT NULL CONSTRAINT "FK_Problems_ProblemAspects_AspectId" REFERENCES "ProblemAspects" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_Problems_AspectId" ON "Problems" ("AspectId");

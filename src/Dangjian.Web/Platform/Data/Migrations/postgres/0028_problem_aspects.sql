-- Issue 23: the second level of grouping above problems (归纳梳理为六个方面), ordered per campaign.

CREATE TABLE "ProblemAspects" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ProblemAspects" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProblemAspects_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ProblemAspects_CampaignId_Order" ON "ProblemAspects" ("CampaignId", "Order");

ALTER TABLE "Problems" ADD "AspectId" uuid;

ALTER TABLE "Problems" ADD CONSTRAINT "FK_Problems_ProblemAspects_AspectId" FOREIGN KEY ("AspectId") REFERENCES "ProblemAspects" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_Problems_AspectId" ON "Problems" ("AspectId");

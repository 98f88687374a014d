-- Briefings (简报): numbered issues per campaign, each with its approval document.

CREATE TABLE "Briefings" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Title" character varying(100) NOT NULL,
    "DocumentId" uuid NOT NULL,
    "SentOn" date,
    "SentTo" character varying(100),
    "PublishedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Briefings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Briefings_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Briefings_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Briefings_CampaignId_Number" ON "Briefings" ("CampaignId", "Number");

CREATE UNIQUE INDEX "IX_Briefings_DocumentId" ON "Briefings" ("DocumentId");

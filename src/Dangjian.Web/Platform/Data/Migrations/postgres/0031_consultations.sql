-- Issue 23: 网上征求意见 — a plan or report put on the public site for comment (「把报告挂在本局的网页上」); comments
-- arrive as opinions of the channel 网上征求意见 linked to it.

CREATE TABLE "Consultations" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Body" character varying(50000) NOT NULL,
    "OpensOn" date NOT NULL,
    "ClosesOn" date NOT NULL,
    "PublishedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Consultations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Consultations_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "Opinions" ADD "ConsultationId" uuid;

ALTER TABLE "Opinions" ADD CONSTRAINT "FK_Opinions_Consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "Consultations" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_Consultations_CampaignId_OpensOn" ON "Consultations" ("CampaignId", "OpensOn");

CREATE INDEX "IX_Opinions_ConsultationId" ON "Opinions" ("ConsultationId");

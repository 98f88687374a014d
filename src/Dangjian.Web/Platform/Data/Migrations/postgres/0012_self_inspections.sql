-- Self-inspection material (对照检查材料) in sections, with colleagues' comments and the "四不过关" reviews.

CREATE TABLE "SelfInspections" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PersonId" uuid,
    "DocumentId" uuid NOT NULL,
    "Formalism" character varying(20000),
    "Bureaucratism" character varying(20000),
    "Hedonism" character varying(20000),
    "Extravagance" character varying(20000),
    "Explanations" character varying(20000),
    "RootCauses" character varying(20000),
    "Measures" character varying(20000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SelfInspections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SelfInspections_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspections_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspections_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SelfInspectionComments" (
    "Id" uuid NOT NULL,
    "SelfInspectionId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SelfInspectionComments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SelfInspectionComments_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspectionComments_SelfInspections_SelfInspectionId" FOREIGN KEY ("SelfInspectionId") REFERENCES "SelfInspections" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SelfInspectionReviews" (
    "Id" uuid NOT NULL,
    "SelfInspectionId" uuid NOT NULL,
    "VersionNumber" integer NOT NULL,
    "Failed" integer NOT NULL,
    "Comment" character varying(2000),
    "ReviewerName" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SelfInspectionReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SelfInspectionReviews_SelfInspections_SelfInspectionId" FOREIGN KEY ("SelfInspectionId") REFERENCES "SelfInspections" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SelfInspectionComments_PersonId" ON "SelfInspectionComments" ("PersonId");

CREATE INDEX "IX_SelfInspectionComments_SelfInspectionId" ON "SelfInspectionComments" ("SelfInspectionId");

CREATE INDEX "IX_SelfInspectionReviews_SelfInspectionId" ON "SelfInspectionReviews" ("SelfInspectionId");

CREATE UNIQUE INDEX "IX_SelfInspections_CampaignId_PersonId" ON "SelfInspections" ("CampaignId", "PersonId");

CREATE UNIQUE INDEX "IX_SelfInspections_DocumentId" ON "SelfInspections" ("DocumentId");

CREATE INDEX "IX_SelfInspections_PersonId" ON "SelfInspections" ("PersonId");

-- Self-inspection material (对照检查材料) in sections, with colleagues' comments and the "四不过关" reviews.

CREATE TABLE "SelfInspections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SelfInspections" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "DocumentId" TEXT NOT NULL,
    "Formalism" TEXT NULL,
    "Bureaucratism" TEXT NULL,
    "Hedonism" TEXT NULL,
    "Extravagance" TEXT NULL,
    "Explanations" TEXT NULL,
    "RootCauses" TEXT NULL,
    "Measures" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SelfInspections_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspections_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspections_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SelfInspectionComments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SelfInspectionComments" PRIMARY KEY,
    "SelfInspectionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SelfInspectionComments_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfInspectionComments_SelfInspections_SelfInspectionId" FOREIGN KEY ("SelfInspectionId") REFERENCES "SelfInspections" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SelfInspectionReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SelfInspectionReviews" PRIMARY KEY,
    "SelfInspectionId" TEXT NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "ReviewerName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SelfInspectionReviews_SelfInspections_SelfInspectionId" FOREIGN KEY ("SelfInspectionId") REFERENCES "SelfInspections" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SelfInspectionComments_PersonId" ON "SelfInspectionComments" ("PersonId");

CREATE INDEX "IX_SelfInspectionComments_SelfInspectionId" ON "SelfInspectionComments" ("SelfInspectionId");

CREATE INDEX "IX_SelfInspectionReviews_SelfInspectionId" ON "SelfInspectionReviews" ("SelfInspectionId");

CREATE UNIQUE INDEX "IX_SelfInspections_CampaignId_PersonId" ON "SelfInspections" ("CampaignId", "PersonId");

CREATE UNIQUE INDEX "IX_SelfInspections_DocumentId" ON "SelfInspections" ("DocumentId");

CREATE INDEX "IX_SelfInspections_PersonId" ON "SelfInspections" ("PersonId");

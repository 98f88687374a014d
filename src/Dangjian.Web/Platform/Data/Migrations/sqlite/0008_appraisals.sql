-- Democratic appraisal: targets, one-time voting rights and anonymous ballots (no voter, time or order).

CREATE TABLE "Appraisals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Appraisals" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Instructions" TEXT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "OpenedAt" TEXT NULL,
    "ExtraSlips" INTEGER NOT NULL,
    "PaperIssued" INTEGER NOT NULL,
    "TokenSecret" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Appraisals_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AppraisalBallots" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalBallots" PRIMARY KEY,
    "AppraisalId" TEXT NOT NULL,
    "Filled" INTEGER NOT NULL,
    "Paper" INTEGER NOT NULL,
    "Grades" TEXT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_AppraisalBallots_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalTargets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalTargets" PRIMARY KEY,
    "AppraisalId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AppraisalTargets_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalVoters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalVoters" PRIMARY KEY,
    "AppraisalId" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "Label" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Used" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AppraisalVoters_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalBallots_AppraisalId_Filled" ON "AppraisalBallots" ("AppraisalId", "Filled");

CREATE INDEX "IX_Appraisals_CampaignId" ON "Appraisals" ("CampaignId");

CREATE INDEX "IX_Appraisals_DeletedAt" ON "Appraisals" ("DeletedAt");

CREATE UNIQUE INDEX "IX_AppraisalTargets_AppraisalId_Order" ON "AppraisalTargets" ("AppraisalId", "Order");

CREATE INDEX "IX_AppraisalVoters_AppraisalId_PersonId" ON "AppraisalVoters" ("AppraisalId", "PersonId");

CREATE UNIQUE INDEX "IX_AppraisalVoters_TokenHash" ON "AppraisalVoters" ("TokenHash");

-- Talks (谈心谈话) with the required-talk list of the "四个必谈", and problems consolidated from opinions (梳理汇总) with their links.

CREATE TABLE "Problems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Problems" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Category" INTEGER NULL,
    "Concerns" TEXT NULL,
    "Source" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Problems_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TalkRequirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TalkRequirements" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "PersonAId" TEXT NULL,
    "PersonBId" TEXT NOT NULL,
    "PairKey" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_TalkRequirements_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TalkRequirements_People_PersonAId" FOREIGN KEY ("PersonAId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TalkRequirements_People_PersonBId" FOREIGN KEY ("PersonBId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Talks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Talks" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "InitiatorId" TEXT NOT NULL,
    "PartnerId" TEXT NOT NULL,
    "PairKey" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Topics" TEXT NOT NULL,
    "Raised" TEXT NULL,
    "Admonition" INTEGER NOT NULL,
    "AdmonitionText" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Talks_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Talks_People_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Talks_People_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProblemOpinions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProblemOpinions" PRIMARY KEY,
    "ProblemId" TEXT NOT NULL,
    "OpinionId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProblemOpinions_Opinions_OpinionId" FOREIGN KEY ("OpinionId") REFERENCES "Opinions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProblemOpinions_Problems_ProblemId" FOREIGN KEY ("ProblemId") REFERENCES "Problems" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ProblemOpinions_OpinionId" ON "ProblemOpinions" ("OpinionId");

CREATE UNIQUE INDEX "IX_ProblemOpinions_ProblemId_OpinionId" ON "ProblemOpinions" ("ProblemId", "OpinionId");

CREATE INDEX "IX_Problems_CampaignId_Category" ON "Problems" ("CampaignId", "Category");

CREATE INDEX "IX_Problems_DeletedAt" ON "Problems" ("DeletedAt");

CREATE INDEX "IX_TalkRequirements_CampaignId_Kind" ON "TalkRequirements" ("CampaignId", "Kind");

CREATE UNIQUE INDEX "IX_TalkRequirements_CampaignId_PairKey" ON "TalkRequirements" ("CampaignId", "PairKey");

CREATE INDEX "IX_TalkRequirements_PersonAId" ON "TalkRequirements" ("PersonAId");

CREATE INDEX "IX_TalkRequirements_PersonBId" ON "TalkRequirements" ("PersonBId");

CREATE INDEX "IX_Talks_CampaignId_HeldOn" ON "Talks" ("CampaignId", "HeldOn");

CREATE INDEX "IX_Talks_CampaignId_PairKey" ON "Talks" ("CampaignId", "PairKey");

CREATE INDEX "IX_Talks_DeletedAt" ON "Talks" ("DeletedAt");

CREATE INDEX "IX_Talks_InitiatorId" ON "Talks" ("InitiatorId");

CREATE INDEX "IX_Talks_PartnerId" ON "Talks" ("PartnerId");

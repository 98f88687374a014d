-- Talks (谈心谈话) with the required-talk list of the "四个必谈", and problems consolidated from opinions (梳理汇总) with their links.

CREATE TABLE "Problems" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(4000),
    "Category" integer,
    "Concerns" character varying(100),
    "Source" integer NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Problems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Problems_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TalkRequirements" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "PersonAId" uuid,
    "PersonBId" uuid NOT NULL,
    "PairKey" character varying(80) NOT NULL,
    "Reason" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_TalkRequirements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TalkRequirements_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TalkRequirements_People_PersonAId" FOREIGN KEY ("PersonAId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TalkRequirements_People_PersonBId" FOREIGN KEY ("PersonBId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Talks" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "HeldOn" date NOT NULL,
    "InitiatorId" uuid NOT NULL,
    "PartnerId" uuid NOT NULL,
    "PairKey" character varying(80) NOT NULL,
    "Place" character varying(200),
    "Topics" character varying(1000) NOT NULL,
    "Raised" character varying(10000),
    "Admonition" integer NOT NULL,
    "AdmonitionText" character varying(2000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Talks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Talks_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Talks_People_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Talks_People_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProblemOpinions" (
    "Id" uuid NOT NULL,
    "ProblemId" uuid NOT NULL,
    "OpinionId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ProblemOpinions" PRIMARY KEY ("Id"),
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

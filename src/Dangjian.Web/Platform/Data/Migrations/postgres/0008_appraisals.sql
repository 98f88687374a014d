-- Democratic appraisal: targets, one-time voting rights and anonymous ballots (no voter, time or order).

CREATE TABLE "Appraisals" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Instructions" character varying(2000),
    "OpensAt" timestamp with time zone NOT NULL,
    "ClosesAt" timestamp with time zone NOT NULL,
    "OpenedAt" timestamp with time zone,
    "ExtraSlips" integer NOT NULL,
    "PaperIssued" integer NOT NULL,
    "TokenSecret" character varying(64) NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Appraisals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Appraisals_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AppraisalBallots" (
    "Id" uuid NOT NULL,
    "AppraisalId" uuid NOT NULL,
    "Filled" boolean NOT NULL,
    "Paper" boolean NOT NULL,
    "Grades" character varying(2000),
    "Comment" character varying(2000),
    CONSTRAINT "PK_AppraisalBallots" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AppraisalBallots_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalTargets" (
    "Id" uuid NOT NULL,
    "AppraisalId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_AppraisalTargets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AppraisalTargets_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalVoters" (
    "Id" uuid NOT NULL,
    "AppraisalId" uuid NOT NULL,
    "PersonId" uuid,
    "Label" character varying(100) NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "Used" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_AppraisalVoters" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AppraisalVoters_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalBallots_AppraisalId_Filled" ON "AppraisalBallots" ("AppraisalId", "Filled");

CREATE INDEX "IX_Appraisals_CampaignId" ON "Appraisals" ("CampaignId");

CREATE INDEX "IX_Appraisals_DeletedAt" ON "Appraisals" ("DeletedAt");

CREATE UNIQUE INDEX "IX_AppraisalTargets_AppraisalId_Order" ON "AppraisalTargets" ("AppraisalId", "Order");

CREATE INDEX "IX_AppraisalVoters_AppraisalId_PersonId" ON "AppraisalVoters" ("AppraisalId", "PersonId");

CREATE UNIQUE INDEX "IX_AppraisalVoters_TokenHash" ON "AppraisalVoters" ("TokenHash");

-- Opinions kept verbatim from every channel (public opinion box, solicitation letters, forums…), the letters and their recipients, and the forums.

CREATE TABLE "SolicitationLetters" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Body" character varying(10000) NOT NULL,
    "Questions" character varying(4000) NOT NULL,
    "SentOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "TokenSecret" character varying(64) NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SolicitationLetters" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SolicitationLetters_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_SolicitationLetters_CampaignId" ON "SolicitationLetters" ("CampaignId");

CREATE INDEX "IX_SolicitationLetters_DeletedAt" ON "SolicitationLetters" ("DeletedAt");

CREATE TABLE "LetterRecipients" (
    "Id" uuid NOT NULL,
    "LetterId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Category" character varying(20),
    "TokenHash" character varying(64) NOT NULL,
    "ReturnedAt" timestamp with time zone,
    "ReturnedVia" character varying(10),
    "RemindedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_LetterRecipients" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LetterRecipients_SolicitationLetters_LetterId" FOREIGN KEY ("LetterId") REFERENCES "SolicitationLetters" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LetterRecipients_LetterId_Name" ON "LetterRecipients" ("LetterId", "Name");

CREATE UNIQUE INDEX "IX_LetterRecipients_TokenHash" ON "LetterRecipients" ("TokenHash");

CREATE TABLE "Forums" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "HeldOn" date NOT NULL,
    "HostPersonId" uuid NOT NULL,
    "Place" character varying(200),
    "Groups" character varying(500) NOT NULL,
    "Attendees" integer NOT NULL,
    "Notes" character varying(20000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Forums" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Forums_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Forums_People_HostPersonId" FOREIGN KEY ("HostPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Forums_CampaignId_HostPersonId" ON "Forums" ("CampaignId", "HostPersonId");

CREATE INDEX "IX_Forums_DeletedAt" ON "Forums" ("DeletedAt");

CREATE INDEX "IX_Forums_HostPersonId" ON "Forums" ("HostPersonId");

CREATE TABLE "Opinions" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Channel" integer NOT NULL,
    "ReceivedOn" date NOT NULL,
    "ForumId" uuid,
    "LetterRecipientId" uuid,
    "Text" character varying(4000) NOT NULL,
    "Concerns" character varying(100),
    "Nature" integer,
    "Topic" integer,
    "SubmitterName" character varying(50),
    "SubmitterContact" character varying(100),
    "TrackingHash" character varying(64),
    "Reply" character varying(4000),
    "RepliedAt" timestamp with time zone,
    "Note" character varying(4000),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Opinions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Opinions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Opinions_Forums_ForumId" FOREIGN KEY ("ForumId") REFERENCES "Forums" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Opinions_LetterRecipients_LetterRecipientId" FOREIGN KEY ("LetterRecipientId") REFERENCES "LetterRecipients" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Opinions_CampaignId_Channel" ON "Opinions" ("CampaignId", "Channel");

CREATE INDEX "IX_Opinions_DeletedAt" ON "Opinions" ("DeletedAt");

CREATE INDEX "IX_Opinions_ForumId" ON "Opinions" ("ForumId");

CREATE INDEX "IX_Opinions_LetterRecipientId" ON "Opinions" ("LetterRecipientId");

CREATE UNIQUE INDEX "IX_Opinions_TrackingHash" ON "Opinions" ("TrackingHash");

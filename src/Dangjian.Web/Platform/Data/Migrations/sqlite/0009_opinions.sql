-- Opinions kept verbatim from every channel (public opinion box, solicitation letters, forums…), the letters and their recipients, and the forums.

CREATE TABLE "SolicitationLetters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SolicitationLetters" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Questions" TEXT NOT NULL,
    "SentOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "TokenSecret" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SolicitationLetters_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_SolicitationLetters_CampaignId" ON "SolicitationLetters" ("CampaignId");

CREATE INDEX "IX_SolicitationLetters_DeletedAt" ON "SolicitationLetters" ("DeletedAt");

CREATE TABLE "LetterRecipients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LetterRecipients" PRIMARY KEY,
    "LetterId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Category" TEXT NULL,
    "TokenHash" TEXT NOT NULL,
    "ReturnedAt" TEXT NULL,
    "ReturnedVia" TEXT NULL,
    "RemindedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_LetterRecipients_SolicitationLetters_LetterId" FOREIGN KEY ("LetterId") REFERENCES "SolicitationLetters" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LetterRecipients_LetterId_Name" ON "LetterRecipients" ("LetterId", "Name");

CREATE UNIQUE INDEX "IX_LetterRecipients_TokenHash" ON "LetterRecipients" ("TokenHash");

CREATE TABLE "Forums" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Forums" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "HostPersonId" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Groups" TEXT NOT NULL,
    "Attendees" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Forums_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Forums_People_HostPersonId" FOREIGN KEY ("HostPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Forums_CampaignId_HostPersonId" ON "Forums" ("CampaignId", "HostPersonId");

CREATE INDEX "IX_Forums_DeletedAt" ON "Forums" ("DeletedAt");

CREATE INDEX "IX_Forums_HostPersonId" ON "Forums" ("HostPersonId");

CREATE TABLE "Opinions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Opinions" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ForumId" TEXT NULL,
    "LetterRecipientId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Concerns" TEXT NULL,
    "Nature" INTEGER NULL,
    "Topic" INTEGER NULL,
    "SubmitterName" TEXT NULL,
    "SubmitterContact" TEXT NULL,
    "TrackingHash" TEXT NULL,
    "Reply" TEXT NULL,
    "RepliedAt" TEXT NULL,
    "Note" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Opinions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Opinions_Forums_ForumId" FOREIGN KEY ("ForumId") REFERENCES "Forums" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Opinions_LetterRecipients_LetterRecipientId" FOREIGN KEY ("LetterRecipientId") REFERENCES "LetterRecipients" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Opinions_CampaignId_Channel" ON "Opinions" ("CampaignId", "Channel");

CREATE INDEX "IX_Opinions_DeletedAt" ON "Opinions" ("DeletedAt");

CREATE INDEX "IX_Opinions_ForumId" ON "Opinions" ("ForumId");

CREATE INDEX "IX_Opinions_LetterRecipientId" ON "Opinions" ("LetterRecipientId");

CREATE UNIQUE INDEX "IX_Opinions_TrackingHash" ON "Opinions" ("TrackingHash");

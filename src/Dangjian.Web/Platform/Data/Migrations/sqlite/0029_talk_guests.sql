-- Issue 23: talks and 恳谈 with people outside the roster (e.g. 30 named 科技工作者). The partner becomes optional and a
-- guest is kept by name and unit. SQLite cannot drop NOT NULL in place, so the table is rebuilt; nothing references it.

CREATE TABLE "Talks_new" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Talks" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "InitiatorId" TEXT NOT NULL,
    "PartnerId" TEXT NULL,
    "GuestName" TEXT NULL,
    "GuestAffiliation" TEXT NULL,
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

INSERT INTO "Talks_new" ("Id", "CampaignId", "Kind", "HeldOn", "InitiatorId", "PartnerId", "PairKey", "Place", "Topics", "Raised", "Admonition", "AdmonitionText", "DeletedAt", "DeletedById", "CreatedAt", "UpdatedAt", "Version")
SELECT "Id", "CampaignId", "Kind", "HeldOn", "InitiatorId", "PartnerId", "PairKey", "Place", "Topics", "Raised", "Admonition", "AdmonitionText", "DeletedAt", "DeletedById", "CreatedAt", "UpdatedAt", "Version" FROM "Talks";

DROP TABLE "Talks";

ALTER TABLE "Talks_new" RENAME TO "Talks";

CREATE INDEX "IX_Talks_CampaignId_HeldOn" ON "Talks" ("CampaignId", "HeldOn");

CREATE INDEX "IX_Talks_CampaignId_PairKey" ON "Talks" ("CampaignId", "PairKey");

CREATE INDEX "IX_Talks_DeletedAt" ON "Talks" ("DeletedAt");

CREATE INDEX "IX_Talks_InitiatorId" ON "Talks" ("InitiatorId");

CREATE INDEX "IX_Talks_PartnerId" ON "Talks" ("PartnerId");

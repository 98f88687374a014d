-- Study notes and reflections.

CREATE TABLE "StudyNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyNotes" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CheckedAt" TEXT NULL,
    "CheckedByName" TEXT NULL,
    "Mark" INTEGER NULL,
    "CheckComment" TEXT NULL,
    "ExhibitedAt" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_StudyNotes_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StudyNotes_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_StudyNotes_CampaignId_Kind" ON "StudyNotes" ("CampaignId", "Kind");

CREATE INDEX "IX_StudyNotes_DeletedAt" ON "StudyNotes" ("DeletedAt");

CREATE INDEX "IX_StudyNotes_ExhibitedAt" ON "StudyNotes" ("ExhibitedAt");

CREATE INDEX "IX_StudyNotes_PersonId" ON "StudyNotes" ("PersonId");

-- Study sessions and attendance.

CREATE TABLE "StudySessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudySessions" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PhaseId" TEXT NULL,
    "MilestoneId" TEXT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Speaker" TEXT NULL,
    "Agenda" TEXT NULL,
    "Minutes" TEXT NULL,
    "SignInSecret" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_StudySessions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SessionAttendees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SessionAttendees" PRIMARY KEY,
    "SessionId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "SignedInAt" TEXT NULL,
    "SignInMethod" TEXT NULL,
    "LeaveReason" TEXT NULL,
    "MakeUpAssignedAt" TEXT NULL,
    "MakeUpDoneAt" TEXT NULL,
    "MakeUpNote" TEXT NULL,
    "DeliveredAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SessionAttendees_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SessionAttendees_StudySessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "StudySessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SessionAttendees_PersonId_Status" ON "SessionAttendees" ("PersonId", "Status");

CREATE UNIQUE INDEX "IX_SessionAttendees_SessionId_PersonId" ON "SessionAttendees" ("SessionId", "PersonId");

CREATE INDEX "IX_StudySessions_CampaignId_StartsAt" ON "StudySessions" ("CampaignId", "StartsAt");

CREATE INDEX "IX_StudySessions_DeletedAt" ON "StudySessions" ("DeletedAt");

CREATE INDEX "IX_StudySessions_MilestoneId" ON "StudySessions" ("MilestoneId");

-- Study sessions and attendance.

CREATE TABLE "StudySessions" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PhaseId" uuid,
    "MilestoneId" uuid,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(200),
    "Speaker" character varying(100),
    "Agenda" character varying(4000),
    "Minutes" character varying(20000),
    "SignInSecret" character varying(64) NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_StudySessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_StudySessions_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SessionAttendees" (
    "Id" uuid NOT NULL,
    "SessionId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "SignedInAt" timestamp with time zone,
    "SignInMethod" character varying(10),
    "LeaveReason" character varying(500),
    "MakeUpAssignedAt" timestamp with time zone,
    "MakeUpDoneAt" timestamp with time zone,
    "MakeUpNote" character varying(1000),
    "DeliveredAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SessionAttendees" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SessionAttendees_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SessionAttendees_StudySessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "StudySessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SessionAttendees_PersonId_Status" ON "SessionAttendees" ("PersonId", "Status");

CREATE UNIQUE INDEX "IX_SessionAttendees_SessionId_PersonId" ON "SessionAttendees" ("SessionId", "PersonId");

CREATE INDEX "IX_StudySessions_CampaignId_StartsAt" ON "StudySessions" ("CampaignId", "StartsAt");

CREATE INDEX "IX_StudySessions_DeletedAt" ON "StudySessions" ("DeletedAt");

CREATE INDEX "IX_StudySessions_MilestoneId" ON "StudySessions" ("MilestoneId");

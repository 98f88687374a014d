-- Life meetings (民主生活会, 组织生活会, 通报会): attendance, criticism and self-criticism, 民主评议党员 results.

CREATE TABLE "LifeMeetings" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "HeldOn" date NOT NULL,
    "Place" character varying(200),
    "HostPersonId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Summary" character varying(20000),
    "OpinionResponses" character varying(20000),
    "ReportedOn" date,
    "Report" character varying(20000),
    "FollowsId" uuid,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_LifeMeetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LifeMeetings_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LifeMeetings_LifeMeetings_FollowsId" FOREIGN KEY ("FollowsId") REFERENCES "LifeMeetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LifeMeetings_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LifeMeetings_People_HostPersonId" FOREIGN KEY ("HostPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeetingAttendees" (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "AbsenceReason" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_MeetingAttendees" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MeetingAttendees_LifeMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "LifeMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingAttendees_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Criticisms" (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "FromPersonId" uuid NOT NULL,
    "ToPersonId" uuid,
    "Text" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Criticisms" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Criticisms_LifeMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "LifeMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Criticisms_People_FromPersonId" FOREIGN KEY ("FromPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Criticisms_People_ToPersonId" FOREIGN KEY ("ToPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MemberAppraisals" (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Grade" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_MemberAppraisals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MemberAppraisals_LifeMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "LifeMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MemberAppraisals_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Criticisms_FromPersonId" ON "Criticisms" ("FromPersonId");

CREATE INDEX "IX_Criticisms_MeetingId" ON "Criticisms" ("MeetingId");

CREATE INDEX "IX_Criticisms_ToPersonId" ON "Criticisms" ("ToPersonId");

CREATE INDEX "IX_LifeMeetings_CampaignId_Kind" ON "LifeMeetings" ("CampaignId", "Kind");

CREATE INDEX "IX_LifeMeetings_DeletedAt" ON "LifeMeetings" ("DeletedAt");

CREATE INDEX "IX_LifeMeetings_FollowsId" ON "LifeMeetings" ("FollowsId");

CREATE INDEX "IX_LifeMeetings_HostPersonId" ON "LifeMeetings" ("HostPersonId");

CREATE INDEX "IX_LifeMeetings_OrgUnitId" ON "LifeMeetings" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_MeetingAttendees_MeetingId_PersonId" ON "MeetingAttendees" ("MeetingId", "PersonId");

CREATE INDEX "IX_MeetingAttendees_PersonId" ON "MeetingAttendees" ("PersonId");

CREATE UNIQUE INDEX "IX_MemberAppraisals_MeetingId_PersonId" ON "MemberAppraisals" ("MeetingId", "PersonId");

CREATE INDEX "IX_MemberAppraisals_PersonId" ON "MemberAppraisals" ("PersonId");

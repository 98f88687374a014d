-- Issue 24: 三会一课 and the 主题党日 of a branch (or a 党小组's 党小组会), with the attendance of each member expected.

CREATE TABLE "BranchMeetings" (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "HeldOn" date NOT NULL,
    "Place" character varying(200),
    "HostId" uuid,
    "LecturerId" uuid,
    "Topic" character varying(200) NOT NULL,
    "Agenda" character varying(20000),
    "Minutes" character varying(20000),
    "Resolutions" character varying(20000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_BranchMeetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BranchMeetings_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BranchMeetings_People_HostId" FOREIGN KEY ("HostId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BranchMeetings_People_LecturerId" FOREIGN KEY ("LecturerId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BranchMeetingAttendees" (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "LeaveReason" character varying(200),
    "MakeUpDoneAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_BranchMeetingAttendees" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BranchMeetingAttendees_BranchMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "BranchMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BranchMeetingAttendees_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_BranchMeetingAttendees_MeetingId_PersonId" ON "BranchMeetingAttendees" ("MeetingId", "PersonId");

CREATE INDEX "IX_BranchMeetingAttendees_PersonId" ON "BranchMeetingAttendees" ("PersonId");

CREATE INDEX "IX_BranchMeetings_HostId" ON "BranchMeetings" ("HostId");

CREATE INDEX "IX_BranchMeetings_LecturerId" ON "BranchMeetings" ("LecturerId");

CREATE INDEX "IX_BranchMeetings_OrgUnitId_HeldOn" ON "BranchMeetings" ("OrgUnitId", "HeldOn");

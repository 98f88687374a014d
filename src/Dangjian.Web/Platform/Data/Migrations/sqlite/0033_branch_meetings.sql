-- Issue 24: 三会一课 and the 主题党日 of a branch (or a 党小组's 党小组会), with the attendance of each member expected.

CREATE TABLE "BranchMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BranchMeetings" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Place" TEXT NULL,
    "HostId" TEXT NULL,
    "LecturerId" TEXT NULL,
    "Topic" TEXT NOT NULL,
    "Agenda" TEXT NULL,
    "Minutes" TEXT NULL,
    "Resolutions" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_BranchMeetings_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BranchMeetings_People_HostId" FOREIGN KEY ("HostId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BranchMeetings_People_LecturerId" FOREIGN KEY ("LecturerId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BranchMeetingAttendees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BranchMeetingAttendees" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "LeaveReason" TEXT NULL,
    "MakeUpDoneAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_BranchMeetingAttendees_BranchMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "BranchMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BranchMeetingAttendees_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_BranchMeetingAttendees_MeetingId_PersonId" ON "BranchMeetingAttendees" ("MeetingId", "PersonId");

CREATE INDEX "IX_BranchMeetingAttendees_PersonId" ON "BranchMeetingAttendees" ("PersonId");

CREATE INDEX "IX_BranchMeetings_HostId" ON "BranchMeetings" ("HostId");

CREATE INDEX "IX_BranchMeetings_LecturerId" ON "BranchMeetings" ("LecturerId");

CREATE INDEX "IX_BranchMeetings_OrgUnitId_HeldOn" ON "BranchMeetings" ("OrgUnitId", "HeldOn");

-- Study notes and reflections.

CREATE TABLE "StudyNotes" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Body" character varying(20000) NOT NULL,
    "CheckedAt" timestamp with time zone,
    "CheckedByName" character varying(100),
    "Mark" integer,
    "CheckComment" character varying(2000),
    "ExhibitedAt" timestamp with time zone,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_StudyNotes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_StudyNotes_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StudyNotes_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_StudyNotes_CampaignId_Kind" ON "StudyNotes" ("CampaignId", "Kind");

CREATE INDEX "IX_StudyNotes_DeletedAt" ON "StudyNotes" ("DeletedAt");

CREATE INDEX "IX_StudyNotes_ExhibitedAt" ON "StudyNotes" ("ExhibitedAt");

CREATE INDEX "IX_StudyNotes_PersonId" ON "StudyNotes" ("PersonId");

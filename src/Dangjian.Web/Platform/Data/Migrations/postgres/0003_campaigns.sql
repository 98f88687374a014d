-- Campaigns: phases, milestones, groups, approval documents with versions; notifications and reminder log.

CREATE TABLE "ReminderLogs" (
    "Key" character varying(200) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ReminderLogs" PRIMARY KEY ("Key")
);

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Body" character varying(1000),
    "Url" character varying(400),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Campaigns" (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Theme" character varying(500),
    "ScopeUnitId" uuid NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Status" integer NOT NULL,
    "PhasesOverlap" boolean NOT NULL,
    "TemplateKey" character varying(50),
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Campaigns" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Campaigns_OrgUnits_ScopeUnitId" FOREIGN KEY ("ScopeUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ApprovalDocuments" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PhaseId" uuid,
    "Kind" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Status" integer NOT NULL,
    "SubmittedById" uuid,
    "SubmittedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_ApprovalDocuments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApprovalDocuments_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Phases" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Status" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Phases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Phases_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CampaignMembers" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Group" integer NOT NULL,
    "Title" character varying(50) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_CampaignMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CampaignMembers_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CampaignMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DocumentVersions" (
    "Id" uuid NOT NULL,
    "DocumentId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Body" character varying(100000) NOT NULL,
    "AuthorId" uuid,
    "AuthorName" character varying(100),
    "SubmittedAt" timestamp with time zone,
    "Decision" integer NOT NULL,
    "DecidedById" uuid,
    "DecidedByName" character varying(100),
    "DecidedAt" timestamp with time zone,
    "Comment" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_DocumentVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DocumentVersions_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Milestones" (
    "Id" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "PhaseId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Deadline" date NOT NULL,
    "OwnerPersonId" uuid,
    "OwnerUnitId" uuid,
    "RequiredCount" integer,
    "DoneCount" integer NOT NULL,
    "Status" integer NOT NULL,
    "Evidence" character varying(2000),
    "CompletedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Milestones" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Milestones_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Milestones_People_OwnerPersonId" FOREIGN KEY ("OwnerPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Milestones_Phases_PhaseId" FOREIGN KEY ("PhaseId") REFERENCES "Phases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ApprovalDocuments_CampaignId_Status" ON "ApprovalDocuments" ("CampaignId", "Status");

CREATE INDEX "IX_ApprovalDocuments_PhaseId" ON "ApprovalDocuments" ("PhaseId");

CREATE UNIQUE INDEX "IX_CampaignMembers_CampaignId_PersonId_Group" ON "CampaignMembers" ("CampaignId", "PersonId", "Group");

CREATE INDEX "IX_CampaignMembers_PersonId" ON "CampaignMembers" ("PersonId");

CREATE INDEX "IX_Campaigns_DeletedAt" ON "Campaigns" ("DeletedAt");

CREATE INDEX "IX_Campaigns_ScopeUnitId_StartsOn" ON "Campaigns" ("ScopeUnitId", "StartsOn");

CREATE INDEX "IX_Campaigns_Status" ON "Campaigns" ("Status");

CREATE UNIQUE INDEX "IX_DocumentVersions_DocumentId_Number" ON "DocumentVersions" ("DocumentId", "Number");

CREATE INDEX "IX_Milestones_CampaignId_Deadline" ON "Milestones" ("CampaignId", "Deadline");

CREATE INDEX "IX_Milestones_OwnerPersonId" ON "Milestones" ("OwnerPersonId");

CREATE INDEX "IX_Milestones_OwnerUnitId" ON "Milestones" ("OwnerUnitId");

CREATE INDEX "IX_Milestones_PhaseId" ON "Milestones" ("PhaseId");

CREATE INDEX "IX_Milestones_Status_Deadline" ON "Milestones" ("Status", "Deadline");

CREATE INDEX "IX_Notifications_UserId_CreatedAt" ON "Notifications" ("UserId", "CreatedAt");

CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");

CREATE UNIQUE INDEX "IX_Phases_CampaignId_Order" ON "Phases" ("CampaignId", "Order");

-- Campaigns: phases, milestones, groups, approval documents with versions; notifications and reminder log.

CREATE TABLE "ReminderLogs" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_ReminderLogs" PRIMARY KEY,
    "SentAt" TEXT NOT NULL
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NULL,
    "Url" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Campaigns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Campaigns" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Theme" TEXT NULL,
    "ScopeUnitId" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "PhasesOverlap" INTEGER NOT NULL,
    "TemplateKey" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Campaigns_OrgUnits_ScopeUnitId" FOREIGN KEY ("ScopeUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ApprovalDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApprovalDocuments" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PhaseId" TEXT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedById" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ApprovalDocuments_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Phases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Phases" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Phases_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CampaignMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CampaignMembers" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Group" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_CampaignMembers_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CampaignMembers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DocumentVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DocumentVersions" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Decision" INTEGER NOT NULL,
    "DecidedById" TEXT NULL,
    "DecidedByName" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "Comment" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentVersions_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Milestones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "PhaseId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "OwnerPersonId" TEXT NULL,
    "OwnerUnitId" TEXT NULL,
    "RequiredCount" INTEGER NULL,
    "DoneCount" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Evidence" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
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

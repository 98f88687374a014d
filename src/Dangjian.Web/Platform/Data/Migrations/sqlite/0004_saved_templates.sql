-- Campaigns saved as templates.

CREATE TABLE "SavedTemplates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SavedTemplates" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "OwnerUnitId" TEXT NOT NULL,
    "Definition" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_SavedTemplates_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_SavedTemplates_DeletedAt" ON "SavedTemplates" ("DeletedAt");

CREATE INDEX "IX_SavedTemplates_OwnerUnitId" ON "SavedTemplates" ("OwnerUnitId");

-- Campaigns saved as templates.

CREATE TABLE "SavedTemplates" (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "Definition" character varying(100000) NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_SavedTemplates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SavedTemplates_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_SavedTemplates_DeletedAt" ON "SavedTemplates" ("DeletedAt");

CREATE INDEX "IX_SavedTemplates_OwnerUnitId" ON "SavedTemplates" ("OwnerUnitId");

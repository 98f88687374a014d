CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "MustChangePassword" INTEGER NOT NULL,
    "PasswordChangedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSignInAt" TEXT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "OrgUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrgUnits" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ParentId" TEXT NULL,
    "Path" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_OrgUnits_OrgUnits_ParentId" FOREIGN KEY ("ParentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "SecurityEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecurityEvents" PRIMARY KEY,
    "OccurredAt" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "UserId" TEXT NULL,
    "ClientHash" TEXT NULL,
    "Detail" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ApiTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PasswordHistory" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PasswordHistory" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PasswordHistory_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "People" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Gender" INTEGER NOT NULL,
    "BirthDate" TEXT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Title" TEXT NULL,
    "PartyStatus" INTEGER NOT NULL,
    "PostRank" INTEGER NOT NULL,
    "IsRetired" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_People_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);


CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");


CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_PersonId" ON "AspNetUsers" ("PersonId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE UNIQUE INDEX "IX_OrgUnits_Code" ON "OrgUnits" ("Code");


CREATE INDEX "IX_OrgUnits_ParentId_SortOrder" ON "OrgUnits" ("ParentId", "SortOrder");


CREATE INDEX "IX_OrgUnits_Path" ON "OrgUnits" ("Path");


CREATE INDEX "IX_PasswordHistory_UserId_CreatedAt" ON "PasswordHistory" ("UserId", "CreatedAt");


CREATE INDEX "IX_People_DeletedAt" ON "People" ("DeletedAt");


CREATE INDEX "IX_People_OrgUnitId_Name" ON "People" ("OrgUnitId", "Name");


CREATE INDEX "IX_People_PartyStatus" ON "People" ("PartyStatus");


CREATE INDEX "IX_SecurityEvents_Kind_OccurredAt" ON "SecurityEvents" ("Kind", "OccurredAt");


CREATE INDEX "IX_SecurityEvents_OccurredAt" ON "SecurityEvents" ("OccurredAt");




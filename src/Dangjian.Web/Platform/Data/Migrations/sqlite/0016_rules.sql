-- Rules registry (建章立制): rules with their history, review rounds (制度清理) and their decisions.

CREATE TABLE "RuleReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RuleReviews" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_RuleReviews_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Rules" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Issuer" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "EffectiveOn" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "AbolishedOn" TEXT NULL,
    "AbolishReason" TEXT NULL,
    "Text" TEXT NULL,
    "ReplacesId" TEXT NULL,
    "RectificationItemId" TEXT NULL,
    "ReviewId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Rules_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Rules_RectificationItems_RectificationItemId" FOREIGN KEY ("RectificationItemId") REFERENCES "RectificationItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Rules_RuleReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "RuleReviews" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Rules_Rules_ReplacesId" FOREIGN KEY ("ReplacesId") REFERENCES "Rules" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RuleReviewDecisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RuleReviewDecisions" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Decision" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_RuleReviewDecisions_RuleReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "RuleReviews" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RuleReviewDecisions_Rules_RuleId" FOREIGN KEY ("RuleId") REFERENCES "Rules" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_RuleReviewDecisions_ReviewId_RuleId" ON "RuleReviewDecisions" ("ReviewId", "RuleId");

CREATE INDEX "IX_RuleReviewDecisions_RuleId" ON "RuleReviewDecisions" ("RuleId");

CREATE INDEX "IX_RuleReviews_OrgUnitId_StartedOn" ON "RuleReviews" ("OrgUnitId", "StartedOn");

CREATE INDEX "IX_Rules_OrgUnitId_Status" ON "Rules" ("OrgUnitId", "Status");

CREATE INDEX "IX_Rules_RectificationItemId" ON "Rules" ("RectificationItemId");

CREATE UNIQUE INDEX "IX_Rules_ReplacesId" ON "Rules" ("ReplacesId");

CREATE INDEX "IX_Rules_ReviewId" ON "Rules" ("ReviewId");

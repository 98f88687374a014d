-- Rules registry (建章立制): rules with their history, review rounds (制度清理) and their decisions.

CREATE TABLE "RuleReviews" (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Title" character varying(100) NOT NULL,
    "StartedOn" date NOT NULL,
    "ClosedOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_RuleReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RuleReviews_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Rules" (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Number" character varying(100),
    "Title" character varying(200) NOT NULL,
    "Category" character varying(50) NOT NULL,
    "Issuer" character varying(100) NOT NULL,
    "IssuedOn" date NOT NULL,
    "EffectiveOn" date,
    "Status" integer NOT NULL,
    "AbolishedOn" date,
    "AbolishReason" character varying(600),
    "Text" character varying(100000),
    "ReplacesId" uuid,
    "RectificationItemId" uuid,
    "ReviewId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Rules" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Rules_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Rules_RectificationItems_RectificationItemId" FOREIGN KEY ("RectificationItemId") REFERENCES "RectificationItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Rules_RuleReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "RuleReviews" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Rules_Rules_ReplacesId" FOREIGN KEY ("ReplacesId") REFERENCES "Rules" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RuleReviewDecisions" (
    "Id" uuid NOT NULL,
    "ReviewId" uuid NOT NULL,
    "RuleId" uuid NOT NULL,
    "Decision" integer NOT NULL,
    "Reason" character varying(500) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_RuleReviewDecisions" PRIMARY KEY ("Id"),
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

-- Quarterly assessment (季考核) and the red flag (流动红旗): schemes, indicator trees, periods and scores.

CREATE TABLE "AssessmentSchemes" (
    "Id" uuid NOT NULL,
    "OwnerUnitId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "PeriodMonths" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_AssessmentSchemes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentSchemes_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Indicators" (
    "Id" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "ParentId" uuid,
    "Name" character varying(100) NOT NULL,
    "Points" numeric(6,1) NOT NULL,
    "Kind" integer NOT NULL,
    "AssessorPersonId" uuid,
    "SortOrder" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_Indicators" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Indicators_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Indicators_Indicators_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Indicators_People_AssessorPersonId" FOREIGN KEY ("AssessorPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessmentPeriods" (
    "Id" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "Label" character varying(50) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "PublishedAt" timestamp with time zone,
    "FlagHolders" character varying(500),
    "TopScore" numeric(6,1),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_AssessmentPeriods" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentPeriods_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorScores" (
    "Id" uuid NOT NULL,
    "PeriodId" uuid NOT NULL,
    "IndicatorId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "Score" numeric(6,1) NOT NULL,
    "Explanation" character varying(200),
    "ScoredBy" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" uuid NOT NULL,
    CONSTRAINT "PK_IndicatorScores" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IndicatorScores_AssessmentPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "AssessmentPeriods" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IndicatorScores_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndicatorScores_OrgUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AssessmentPeriods_SchemeId_StartsOn" ON "AssessmentPeriods" ("SchemeId", "StartsOn");

CREATE INDEX "IX_AssessmentSchemes_OwnerUnitId" ON "AssessmentSchemes" ("OwnerUnitId");

CREATE INDEX "IX_Indicators_AssessorPersonId" ON "Indicators" ("AssessorPersonId");

CREATE INDEX "IX_Indicators_ParentId" ON "Indicators" ("ParentId");

CREATE INDEX "IX_Indicators_SchemeId_ParentId" ON "Indicators" ("SchemeId", "ParentId");

CREATE INDEX "IX_IndicatorScores_IndicatorId" ON "IndicatorScores" ("IndicatorId");

CREATE UNIQUE INDEX "IX_IndicatorScores_PeriodId_IndicatorId_UnitId" ON "IndicatorScores" ("PeriodId", "IndicatorId", "UnitId");

CREATE INDEX "IX_IndicatorScores_UnitId" ON "IndicatorScores" ("UnitId");

-- Quarterly assessment (季考核) and the red flag (流动红旗): schemes, indicator trees, periods and scores.

CREATE TABLE "AssessmentSchemes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentSchemes" PRIMARY KEY,
    "OwnerUnitId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PeriodMonths" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentSchemes_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Indicators" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY,
    "SchemeId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Points" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "AssessorPersonId" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Indicators_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Indicators_Indicators_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Indicators_People_AssessorPersonId" FOREIGN KEY ("AssessorPersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessmentPeriods" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentPeriods" PRIMARY KEY,
    "SchemeId" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "FlagHolders" TEXT NULL,
    "TopScore" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentPeriods_AssessmentSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorScores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IndicatorScores" PRIMARY KEY,
    "PeriodId" TEXT NOT NULL,
    "IndicatorId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "Explanation" TEXT NULL,
    "ScoredBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
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

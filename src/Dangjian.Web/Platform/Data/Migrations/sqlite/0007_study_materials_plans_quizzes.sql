-- Study materials and copies, study plans, discussion topics, question bank and quizzes, attachments, leave requests.

ALTER TABLE "SessionAttendees" ADD "LeaveRequestedAt" TEXT NULL;

ALTER TABLE "SessionAttendees" ADD "LeaveRefusal" TEXT NULL;

CREATE TABLE "StoredFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StoredFiles" PRIMARY KEY,
    "OwnerType" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedById" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "Questions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Questions" PRIMARY KEY,
    "OwnerUnitId" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Category" TEXT NULL,
    "Stem" TEXT NOT NULL,
    "Options" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Explanation" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Questions_OrgUnits_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Quizzes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Quizzes" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "TimeLimitMinutes" INTEGER NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "Shuffle" INTEGER NOT NULL,
    "PassScore" INTEGER NOT NULL,
    "PublishedAt" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Quizzes_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "StudyMaterials" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyMaterials" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Publisher" TEXT NULL,
    "Description" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_StudyMaterials_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "StudyPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyPlans" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Topics" TEXT NOT NULL,
    "ReadingIds" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Responsible" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_StudyPlans_ApprovalDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ApprovalDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StudyPlans_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "QuizAttempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QuizAttempts" PRIMARY KEY,
    "QuizId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "QuestionOrder" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Late" INTEGER NOT NULL,
    "AutoScore" INTEGER NULL,
    "Score" INTEGER NULL,
    "NeedsMarking" INTEGER NOT NULL,
    "MarkedAt" TEXT NULL,
    "MarkedByName" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_QuizAttempts_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QuizAttempts_Quizzes_QuizId" FOREIGN KEY ("QuizId") REFERENCES "Quizzes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "QuizQuestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QuizQuestions" PRIMARY KEY,
    "QuizId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "QuestionId" TEXT NULL,
    "Type" INTEGER NOT NULL,
    "Stem" TEXT NOT NULL,
    "Options" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Explanation" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_QuizQuestions_Quizzes_QuizId" FOREIGN KEY ("QuizId") REFERENCES "Quizzes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MaterialCopies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MaterialCopies" PRIMARY KEY,
    "MaterialId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "DistributedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_MaterialCopies_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MaterialCopies_StudyMaterials_MaterialId" FOREIGN KEY ("MaterialId") REFERENCES "StudyMaterials" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DiscussionTopics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiscussionTopics" PRIMARY KEY,
    "CampaignId" TEXT NOT NULL,
    "SessionId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "DeletedAt" TEXT NULL,
    "DeletedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_DiscussionTopics_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DiscussionTopics_StudySessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "StudySessions" ("Id") ON DELETE SET NULL
);

CREATE TABLE "QuizAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QuizAnswers" PRIMARY KEY,
    "AttemptId" TEXT NOT NULL,
    "QuizQuestionId" TEXT NOT NULL,
    "Response" TEXT NOT NULL,
    "Correct" INTEGER NULL,
    "Points" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_QuizAnswers_QuizAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "QuizAttempts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_QuizAnswers_QuizQuestions_QuizQuestionId" FOREIGN KEY ("QuizQuestionId") REFERENCES "QuizQuestions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DiscussionSpeakers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiscussionSpeakers" PRIMARY KEY,
    "TopicId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Record" TEXT NULL,
    "RecordedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_DiscussionSpeakers_DiscussionTopics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "DiscussionTopics" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DiscussionSpeakers_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DiscussionSpeakers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DiscussionSpeakers_OrgUnitId" ON "DiscussionSpeakers" ("OrgUnitId");

CREATE INDEX "IX_DiscussionSpeakers_PersonId" ON "DiscussionSpeakers" ("PersonId");

CREATE UNIQUE INDEX "IX_DiscussionSpeakers_TopicId_PersonId" ON "DiscussionSpeakers" ("TopicId", "PersonId");

CREATE INDEX "IX_DiscussionTopics_CampaignId" ON "DiscussionTopics" ("CampaignId");

CREATE INDEX "IX_DiscussionTopics_DeletedAt" ON "DiscussionTopics" ("DeletedAt");

CREATE INDEX "IX_DiscussionTopics_SessionId" ON "DiscussionTopics" ("SessionId");

CREATE UNIQUE INDEX "IX_MaterialCopies_MaterialId_PersonId" ON "MaterialCopies" ("MaterialId", "PersonId");

CREATE INDEX "IX_MaterialCopies_PersonId" ON "MaterialCopies" ("PersonId");

CREATE INDEX "IX_Questions_DeletedAt" ON "Questions" ("DeletedAt");

CREATE INDEX "IX_Questions_OwnerUnitId_Type" ON "Questions" ("OwnerUnitId", "Type");

CREATE UNIQUE INDEX "IX_QuizAnswers_AttemptId_QuizQuestionId" ON "QuizAnswers" ("AttemptId", "QuizQuestionId");

CREATE INDEX "IX_QuizAnswers_QuizQuestionId" ON "QuizAnswers" ("QuizQuestionId");

CREATE INDEX "IX_QuizAttempts_PersonId" ON "QuizAttempts" ("PersonId");

CREATE UNIQUE INDEX "IX_QuizAttempts_QuizId_PersonId_Number" ON "QuizAttempts" ("QuizId", "PersonId", "Number");

CREATE INDEX "IX_QuizQuestions_QuizId_Order" ON "QuizQuestions" ("QuizId", "Order");

CREATE INDEX "IX_Quizzes_CampaignId_OpensAt" ON "Quizzes" ("CampaignId", "OpensAt");

CREATE INDEX "IX_Quizzes_DeletedAt" ON "Quizzes" ("DeletedAt");

CREATE INDEX "IX_StoredFiles_DeletedAt" ON "StoredFiles" ("DeletedAt");

CREATE INDEX "IX_StoredFiles_OwnerType_OwnerId" ON "StoredFiles" ("OwnerType", "OwnerId");

CREATE INDEX "IX_StudyMaterials_CampaignId" ON "StudyMaterials" ("CampaignId");

CREATE INDEX "IX_StudyMaterials_DeletedAt" ON "StudyMaterials" ("DeletedAt");

CREATE INDEX "IX_StudyPlans_CampaignId" ON "StudyPlans" ("CampaignId");

CREATE UNIQUE INDEX "IX_StudyPlans_DocumentId" ON "StudyPlans" ("DocumentId");

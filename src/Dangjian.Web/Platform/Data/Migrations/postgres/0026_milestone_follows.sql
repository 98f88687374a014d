-- Issue 23: milestones that follow their records (a letter sent, the 民主生活会 held, a 环节小结 or the 整改方案 approved).

ALTER TABLE "Milestones" ADD "Follows" integer NULL;
-- Milestones the templates made before this column existed follow the record their title names.
UPDATE "Milestones" SET "Follows" = 1 WHERE "Title" = '发放征求意见函';
UPDATE "Milestones" SET "Follows" = 2 WHERE "Title" = '召开专题民主生活会';
UPDATE "Milestones" SET "Follows" = 3 WHERE "Title" IN ('第一环节工作小结报督导组', '第二环节工作小结报督导组', '学习调研阶段工作小结', '分析检查阶段工作小结');
UPDATE "Milestones" SET "Follows" = 4 WHERE "Title" = '制定整改方案';
UPDATE "Milestones" SET "Follows" = 5 WHERE "Title" IN ('活动总结报上级', '活动总结');

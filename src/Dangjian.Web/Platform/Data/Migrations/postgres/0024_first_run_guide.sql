-- Issue 21: the campaign office's first-run guide on its home page can be hidden by the person; remembered per account.

ALTER TABLE "AspNetUsers" ADD "FirstRunGuideHiddenAt" timestamp with time zone NULL;

using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Authorization;

/// <summary>
/// The declared route × role matrix of writes: every POST handler of every Razor page and every API write
/// (POST/PUT/PATCH/DELETE), enumerated from the running app, with the answer each demo role must get, posted once per
/// role with the role's own valid antiforgery token and real ids from the demo data. A role that must be refused is
/// refused (403, the redirect to 无权访问, or 404 outside its scope) and nothing is written: the audit log, which gets
/// an entry for every changed record, holds no new data entry. An allowed role's answer only has to be neither a
/// refusal nor a 5xx (an empty or minimal form answers with its validation). A write without a row fails.
/// </summary>
public sealed class RouteRoleWriteMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Write (page path, page path with <c>?handler=</c>, or the method and route pattern of an API write) → the URL posted
    /// to (<c>{name}</c> placeholders for demo ids, see <see cref="IdsAsync"/>) → the body (form fields sent with the
    /// antiforgery token, or the JSON of an API write) → one letter per column of <see cref="RouteRoleMatrixTests.Columns"/>:
    /// A allowed (any answer but a refusal or a 5xx), D refused (403, or the redirect to 无权访问), N 404 (outside the
    /// caller's scope or not theirs), P refused by the form itself (200 with the form again, or an API's 400, naming the
    /// choice the caller does not have: a campaign they do not run, a note that is not theirs, a step of the approval
    /// that is another group's). Every letter but A is a refusal and must write nothing. Values that fail validation keep
    /// the allowed posts from changing demo data other rows rely on; the few posts that change it anyway run last, in the
    /// order of <see cref="Destructive"/>.
    /// </summary>
    private static readonly (string Route, string Url, string Body, string Expected)[] Matrix =
    [
        // Columns: office, leader, member, unit, supervisor, observer, sysadmin, secadmin, auditor.
        ("/Account/ApiTokens?handler=Create", "/Account/ApiTokens?handler=Create", "", "A A A A A A A A A"),
        ("/Account/ApiTokens?handler=Revoke", "/Account/ApiTokens?handler=Revoke&id={missing}", "", "A A A A A A A A A"),
        ("/Account/ChangePassword", "/Account/ChangePassword", "", "A A A A A A A A A"),
        ("/Account/Login", "/Account/Login", "", "A A A A A A A A A"),
        ("/Account/LoginWith2fa", "/Account/LoginWith2fa", "", "A A A A A A A A A"),
        ("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", "", "A A A A A A A A A"),
        ("/Account/Logout", "/Account/Logout", "", "A A A A A A A A A"),
        ("/Account/Security?handler=DisableTwoFactor", "/Account/Security?handler=DisableTwoFactor", "", "A A A A A A A A A"),
        ("/Account/TwoFactor/Enable", "/Account/TwoFactor/Enable", "", "A A A A A A A A A"),
        ("/Account/TwoFactor/RecoveryCodes", "/Account/TwoFactor/RecoveryCodes", "", "A A A A A A A A A"),
        ("/Admin/Policy", "/Admin/Policy", "", "D D D D D D D A D"),
        ("/Admin/Roles/Index", "/Admin/Roles/Index", "role=", "D D D D D D D A D"),
        ("/Admin/Users/Edit", "/Admin/Users/Edit", "", "D D D D D D A D D"),
        ("/Admin/Users/Edit?handler=Disable", "/Admin/Users/Edit?handler=Disable&id={targetUser}", "", "D D D D D D A D D"),
        ("/Admin/Users/Edit?handler=Enable", "/Admin/Users/Edit?handler=Enable&id={targetUser}", "", "D D D D D D A D D"),
        ("/Admin/Users/Edit?handler=ResetPassword", "/Admin/Users/Edit?handler=ResetPassword&id={targetUser}", "", "D D D D D D A D D"),
        ("/Admin/Users/Edit?handler=Unlock", "/Admin/Users/Edit?handler=Unlock&id={targetUser}", "", "D D D D D D A D D"),
        ("/Appraisal/Details?handler=Close", "/Appraisal/Details?handler=Close&id={appraisal}", "", "A D D D D N D D D"),
        ("/Appraisal/Details?handler=Paper", "/Appraisal/Details?handler=Paper&id={appraisal}", "", "A D D D D N D D D"),
        ("/Appraisal/Edit", "/Appraisal/Edit?CampaignId={campaign}", "", "A D D A D D D D D"),
        ("/Audit/Verify", "/Audit/Verify", "", "D D D D D D D D A"),
        ("/BranchLife/Details?handler=AllPresent", "/BranchLife/Details?handler=AllPresent&id={branchMeeting}", "", "A D D N D N D D D"),
        ("/BranchLife/Details?handler=Attendance", "/BranchLife/Details?handler=Attendance&id={branchMeeting}", "","A D D N D N D D D"),
        ("/BranchLife/Details?handler=Delete", "/BranchLife/Details?handler=Delete&id={branchMeeting}", "","A D D N D N D D D"),
        ("/BranchLife/Details?handler=MakeUp", "/BranchLife/Details?handler=MakeUp&id={branchMeeting}&personId={missing}", "","N D D N D N D D D"),
        ("/BranchLife/Edit", "/BranchLife/Edit", "","A D D D D D D D D"),
        ("/Briefings/Details?handler=Delete", "/Briefings/Details?handler=Delete&id={draftBriefing}", "", "A N N N D N D D D"),
        ("/Briefings/Details?handler=Publish", "/Briefings/Details?handler=Publish&id={draftBriefing}", "publish=false", "A N N N D N D D D"),
        ("/Briefings/Details?handler=Send", "/Briefings/Details?handler=Send&id={draftBriefing}", "", "A N N N D N D D D"),
        ("/Briefings/New", "/Briefings/New?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Campaigns/Create", "/Campaigns/Create", "", "A D D A D D D D D"),
        ("/Campaigns/Details?handler=AddMember", "/Campaigns/Details?handler=AddMember&id={campaign}&personId={institutePerson}", "group=none", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=Milestone", "/Campaigns/Details?handler=Milestone&id={campaign}&milestoneId={milestone}", "act=none", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=NewDocument", "/Campaigns/Details?handler=NewDocument&id={campaign}", "kind=none", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=OpenPhase", "/Campaigns/Details?handler=OpenPhase&id={campaign}&phaseId={phase}", "", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=RemoveMember", "/Campaigns/Details?handler=RemoveMember&id={campaign}&memberId={campaignMember}", "", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=SaveTemplate", "/Campaigns/Details?handler=SaveTemplate&id={campaign}", "name=", "A D D D D N D D D"),
        ("/Campaigns/Details?handler=Start", "/Campaigns/Details?handler=Start&id={campaign}", "", "A D D D D N D D D"),
        ("/Campaigns/Document?handler=Approve", "/Campaigns/Document?handler=Approve&id={draftBriefingDocument}", "", "P N N N A N D D D"),
        ("/Campaigns/Document?handler=Return", "/Campaigns/Document?handler=Return&id={draftBriefingDocument}", "", "P N N N A N D D D"),
        ("/Campaigns/Document?handler=Save", "/Campaigns/Document?handler=Save&id={draftBriefingDocument}", "", "A N N N P N D D D"),
        ("/Campaigns/Document?handler=Submit", "/Campaigns/Document?handler=Submit&id={draftBriefingDocument}", "", "A N N N P N D D D"),
        ("/Campaigns/Edit", "/Campaigns/Edit?id={campaign}", "", "A D D D D D D D D"),
        ("/Campaigns/Edit?handler=End", "/Campaigns/Edit?handler=End&id={campaign}", "", "A D D D D D D D D"),
        ("/Campaigns/Milestone", "/Campaigns/Milestone?Id={milestone}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Campaigns/Milestone?handler=Delete", "/Campaigns/Milestone?handler=Delete&Id={milestone}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Campaigns/Phase", "/Campaigns/Phase?id={phase}", "", "A D D D D D D D D"),
        ("/Campaigns/Phase?handler=Shift", "/Campaigns/Phase?handler=Shift&id={phase}", "days=0", "A D D D D D D D D"),
        ("/Index?handler=HideGuide", "/Index?handler=HideGuide", "", "A D D D D D D D D"),
        ("/Error", "/Error/404", "", "N N N N N N N N N"),
        ("/Campaigns/Index?handler=Switch", "/Campaigns/Index?handler=Switch", "campaignId={campaign}&returnUrl=/", "A A A A A N D D D"),
        ("/Ledgers/Assessment?handler=DeleteIndicator", "/Ledgers/Assessment?handler=DeleteIndicator&SchemeId={scheme}&indicatorId={indicator}", "", "A D D D D D D D D"),
        ("/Ledgers/Assessment?handler=Indicator", "/Ledgers/Assessment?handler=Indicator&SchemeId={scheme}", "", "A D D D D D D D D"),
        ("/Ledgers/Assessment?handler=Period", "/Ledgers/Assessment?handler=Period&SchemeId={scheme}", "", "A D D D D D D D D"),
        ("/Ledgers/Assessment?handler=Scheme", "/Ledgers/Assessment?handler=Scheme&SchemeId={scheme}", "", "A D D D D D D D D"),
        ("/Ledgers/AssessmentPeriod?handler=Compute", "/Ledgers/AssessmentPeriod?handler=Compute&id={period}", "", "A D D D D D D D D"),
        ("/Ledgers/AssessmentPeriod?handler=Publish", "/Ledgers/AssessmentPeriod?handler=Publish&id={period}", "", "A D D D D D D D D"),
        ("/Ledgers/AssessmentPeriod?handler=Score", "/Ledgers/AssessmentPeriod?handler=Score&id={period}&indicatorId={scoredIndicator}&unitId={institute}", "score=", "D D D D D D D D D"),
        ("/Ledgers/Dispatch?handler=Remind", "/Ledgers/Dispatch?handler=Remind&id={ledger}", "", "A D D D D D D D D"),
        ("/Ledgers/Index", "/Ledgers/Index", "", "A D D D D D D D D"),
        ("/Ledgers/Item?handler=Comment", "/Ledgers/Item?handler=Comment&id={ledgerItem}&reportId={monthlyReport}", "comment=", "A D D D D D D D D"),
        ("/Ledgers/Item?handler=Done", "/Ledgers/Item?handler=Done&id={ledgerItem}", "undo=true", "A D D D D D D D D"),
        ("/Ledgers/Item?handler=Report", "/Ledgers/Item?handler=Report&id={ledgerItem}", "", "A D A D D D D D D"),
        ("/Ledgers/ItemEdit", "/Ledgers/ItemEdit?Id={ledgerItem}&LedgerId={ledger}", "", "A D D D D D D D D"),
        ("/Meetings/Details?handler=Absence", "/Meetings/Details?handler=Absence&id={meeting}&personId={leaderPerson}", "reason=", "A D N N D N D D D"),
        ("/Meetings/Details?handler=Criticism", "/Meetings/Details?handler=Criticism&id={meeting}", "", "A D N N D N D D D"),
        ("/Meetings/Details?handler=Grades", "/Meetings/Details?handler=Grades&id={meeting}", "", "A D N N D N D D D"),
        ("/Meetings/Details?handler=Report", "/Meetings/Details?handler=Report&id={meeting}", "", "A D N N D N D D D"),
        ("/Meetings/Edit", "/Meetings/Edit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Notifications/Index?handler=Open", "/Notifications/Index?handler=Open&id={missing}", "", "N N N N N N N N N"),
        ("/Notifications/Index?handler=ReadAll", "/Notifications/Index?handler=ReadAll", "", "A A A A A A A A A"),
        ("/Opinions/Edit", "/Opinions/Edit?CampaignId={campaign}", "", "A D D A D D D D D"),
        ("/Opinions/Forums/Details?handler=Opinion", "/Opinions/Forums/Details?handler=Opinion&id={forum}", "text=", "A D N N D N D D D"),
        ("/Opinions/Forums/Edit", "/Opinions/Forums/Edit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Opinions/Letters/Details?handler=Paper", "/Opinions/Letters/Details?handler=Paper&id={letter}&recipientId={letterRecipient}", "text=", "A D N N D N D D D"),
        ("/Opinions/Letters/Details?handler=Remind", "/Opinions/Letters/Details?handler=Remind&id={letter}", "", "A D N N D N D D D"),
        ("/Opinions/Letters/Index", "/Opinions/Letters/Index", "CampaignId={campaign}", "A P P P P P D D D"),
        ("/Opinions/Letters/Print?handler=Reissue", "/Opinions/Letters/Print?handler=Reissue&id={letter}", "", "A D D D D D D D D"),
        ("/Organization/EditUnit", "/Organization/EditUnit", "Input.Id={institute}", "A D D D D D D D D"),
        ("/Organization/Accounts?handler=Create", "/Organization/Accounts?handler=Create", "", "A D D D D D A D D"),
        ("/Organization/Accounts?handler=Reissue", "/Organization/Accounts?handler=Reissue", "", "A D D D D D A D D"),
        ("/Organization/Accounts?handler=Review", "/Organization/Accounts?handler=Review", "", "A D D D D D A D D"),
        ("/Organization/Import?handler=Confirm", "/Organization/Import?handler=Confirm", "token=x", "A D D D D D D D D"),
        ("/Organization/Import?handler=Upload", "/Organization/Import?handler=Upload", "", "A D D D D D D D D"),
        ("/Organization/Index?handler=FirstUnit", "/Organization/Index?handler=FirstUnit", "", "A D D D D D D D D"),
        ("/Organization/Move", "/Organization/Move?id={institute}", "", "A D D D D D D D D"),
        ("/Organization/People/Details?handler=AddRole", "/Organization/People/Details?handler=AddRole&id={institutePerson}&unitId={institute}", "title=", "A D N D D D D D D"),
        ("/Organization/People/Details?handler=Delete", "/Organization/People/Details?handler=Delete&id={institutePerson}", "", "A D N D D D D D D"),
        ("/Organization/People/Details?handler=RemoveRole", "/Organization/People/Details?handler=RemoveRole&id={rolePerson}&roleId={personRole}", "", "A D N N D D D D D"),
        ("/Organization/People/Details?handler=Reveal", "/Organization/People/Details?handler=Reveal&id={institutePerson}", "field=none", "A D N D D D D D D"),
        ("/Organization/People/Edit", "/Organization/People/Edit", "Id={institutePerson}", "A D D D D D D D D"),
        ("/Organization/People/Index?handler=Restore", "/Organization/People/Index?handler=Restore&id={institutePerson}", "", "A D N D D D D D D"),
        ("/Organization/Unit?handler=Activate", "/Organization/Unit?handler=Activate&id={institute}", "", "A D N D D N D D D"),
        ("/Organization/Unit?handler=Deactivate", "/Organization/Unit?handler=Deactivate&id={institute}", "", "A D N D D N D D D"),
        ("/Organization/Unit?handler=Delete", "/Organization/Unit?handler=Delete&id={institute}", "", "A D N D D N D D D"),
        ("/Organization/Unit?handler=Supervise", "/Organization/Unit?handler=Supervise&id={institute}&targetId={otherUnit}", "", "A D N D D N D D D"),
        ("/Organization/Unit?handler=Unsupervise", "/Organization/Unit?handler=Unsupervise&id={institute}&linkId={supervisionLink}", "", "A D N D D N D D D"),
        ("/Problems/Details?handler=Link", "/Problems/Details?handler=Link&id={problem}", "", "A D N N D N D D D"),
        ("/Problems/Details?handler=Merge", "/Problems/Details?handler=Merge&id={problem}&targetId={otherProblem}", "", "A D N N D N D D D"),
        ("/Problems/Details?handler=Unlink", "/Problems/Details?handler=Unlink&id={problem}&opinionId={problemOpinion}", "", "A D N N D N D D D"),
        ("/Problems/Index?handler=AddAspect", "/Problems/Index?handler=AddAspect&campaignId={campaign}", "title=", "A D N N D N D D D"),
        ("/Problems/Index?handler=DeleteAspect", "/Problems/Index?handler=DeleteAspect&campaignId={campaign}&aspectId={missing}", "", "N D N N D N D D D"),
        ("/Problems/Edit", "/Problems/Edit?Id={problem}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Problems/Edit?handler=Delete", "/Problems/Edit?handler=Delete&Id={lastProblem}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Problems/SelfInspections/Details?handler=Comment", "/Problems/SelfInspections/Details?handler=Comment&id={leaderSelfInspection}", "text=", "A A N N A N D D D"),
        ("/Problems/SelfInspections/Details?handler=Review", "/Problems/SelfInspections/Details?handler=Review&id={leaderSelfInspection}", "", "D D N N A N D D D"),
        ("/Problems/SelfInspections/Edit", "/Problems/SelfInspections/Edit?CampaignId={campaign}", "", "A A D D D N D D D"),
        ("/Problems/SelfInspections/Edit?handler=Submit", "/Problems/SelfInspections/Edit?handler=Submit&CampaignId={campaign}", "", "A A D D D N D D D"),
        ("/Public/Ballot", "/Public/Ballot", "", "A A A A A A A A A"),
        ("/Public/Ballot?handler=Open", "/Public/Ballot?handler=Open", "", "A A A A A A A A A"),
        ("/Public/Letter", "/Public/Letter", "", "A A A A A A A A A"),
        ("/Public/Letter?handler=Open", "/Public/Letter?handler=Open", "t=x", "A A A A A A A A A"),
        ("/Public/Opinion", "/Public/Opinion", "", "A A A A A A A A A"),
        ("/Rectification/Edit", "/Rectification/Edit?Id={rectificationItem}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Rectification/Edit?handler=Delete", "/Rectification/Edit?handler=Delete&Id={rectificationItem}&CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Rectification/Index?handler=Compose", "/Rectification/Index?handler=Compose&CampaignId={campaign}&Plan=own", "", "A D D D D N D D D"),
        ("/Rectification/Item?handler=Close", "/Rectification/Item?handler=Close&id={rectificationItem}", "", "A D D D A N D D D"),
        ("/Rectification/Item?handler=Reopen", "/Rectification/Item?handler=Reopen&id={rectificationItem}", "", "A D D D A N D D D"),
        ("/Rectification/Item?handler=Report", "/Rectification/Item?handler=Report&id={rectificationItem}", "", "A D D D D N D D D"),
        ("/Research/Activity?handler=Delete", "/Research/Activity?handler=Delete&id={outreachActivity}", "","A D D D D N D D D"),
        ("/Research/Activity?handler=DeleteVisit", "/Research/Activity?handler=DeleteVisit&id={outreachActivity}&visitId={missing}", "", "N D D D D N D D D"),
        ("/Research/Activity?handler=Visit", "/Research/Activity?handler=Visit&id={outreachActivity}", "", "A D D D D N D D D"),
        ("/Research/ActivityEdit", "/Research/ActivityEdit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Research/Topic?handler=Delete", "/Research/Topic?handler=Delete&id={researchTopic}", "","A D D D D N D D D"),
        ("/Research/Topic?handler=DeleteVisit", "/Research/Topic?handler=DeleteVisit&id={researchTopic}&visitId={missing}", "", "N D D D D N D D D"),
        ("/Research/Topic?handler=Visit", "/Research/Topic?handler=Visit&id={researchTopic}", "", "A D D D D N D D D"),
        ("/Research/TopicEdit", "/Research/TopicEdit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Opinions/Consultations/Edit", "/Opinions/Consultations/Edit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Opinions/Consultations/Index?handler=Delete", "/Opinions/Consultations/Index?handler=Delete&id={openConsultation}", "", "A D D D D N D D D"),
        ("/Opinions/Consultations/Index?handler=Publish", "/Opinions/Consultations/Index?handler=Publish&id={openConsultation}", "", "A D D D D N D D D"),
        ("/Opinions/Consultations/Index?handler=Withdraw", "/Opinions/Consultations/Index?handler=Withdraw&id={openConsultation}", "","A D D D D N D D D"),
        ("/Public/Consultation", "/Public/Consultation?id={openConsultation}", "", "A A A A A A A A A"),
        ("/Reports/Index?handler=Draft", "/Reports/Index?handler=Draft&CampaignId={campaign}", "", "A A D D D N D D D"),
        ("/Rules/Details?handler=Abolish", "/Rules/Details?handler=Abolish&id={rule}", "reason=", "A D D D D D D D D"),
        ("/Rules/Details?handler=RemoveFile", "/Rules/Details?handler=RemoveFile&id={rule}&fileId={missing}", "", "A D D D D D D D D"),
        ("/Rules/Details?handler=Upload", "/Rules/Details?handler=Upload&id={rule}", "", "A D D D D D D D D"),
        ("/Rules/Edit", "/Rules/Edit?Id={rule}", "", "A D D D D D D D D"),
        ("/Rules/Review?handler=Close", "/Rules/Review?handler=Close&id={ruleReview}", "", "D D D D D D D D D"),
        ("/Rules/Review?handler=Decide", "/Rules/Review?handler=Decide&id={ruleReview}&ruleId={rule}", "", "D D D D D D D D D"),
        ("/Rules/Reviews", "/Rules/Reviews", "", "A D D D D D D D D"),
        ("/Study/Discussions/Details?handler=Assign", "/Study/Discussions/Details?handler=Assign&id={discussion}", "", "A D D D D N D D D"),
        ("/Study/Discussions/Details?handler=Record", "/Study/Discussions/Details?handler=Record&id={discussion}&speakerId={speaker}", "record=", "A N N N N N D D D"),
        ("/Study/Discussions/Details?handler=Remove", "/Study/Discussions/Details?handler=Remove&id={discussion}&speakerId={speaker}", "", "A D D D D N D D D"),
        ("/Study/Discussions/Index", "/Study/Discussions/Index", "CampaignId={campaign}", "A P P P P P D D D"),
        ("/Study/Materials/Details?handler=Delete", "/Study/Materials/Details?handler=Delete&id={material}", "", "A D D D D N D D D"),
        ("/Study/Materials/Details?handler=Distribute", "/Study/Materials/Details?handler=Distribute&id={material}", "", "A D D D D N D D D"),
        ("/Study/Materials/Details?handler=Read", "/Study/Materials/Details?handler=Read&id={material}", "", "A A A A A N D D D"),
        ("/Study/Materials/Details?handler=RemoveFile", "/Study/Materials/Details?handler=RemoveFile&id={material}&fileId={missing}", "", "A D D D D N D D D"),
        ("/Study/Materials/Edit", "/Study/Materials/Edit?Id={material}", "", "A D D D D D D D D"),
        ("/Study/Notes/Details?handler=Check", "/Study/Notes/Details?handler=Check&id={note}", "", "A D N N N N D D D"),
        ("/Study/Notes/Details?handler=Exhibit", "/Study/Notes/Details?handler=Exhibit&id={note}", "exhibit=false", "A D N N N N D D D"),
        ("/Study/Notes/Edit", "/Study/Notes/Edit?Id={uncheckedNote}", "CampaignId={campaign}&Kind=Note&Title=矩阵&Body=矩阵", "P N N N N P D D D"),
        ("/Study/Plans/Edit", "/Study/Plans/Edit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Study/Questions/Edit", "/Study/Questions/Edit?Id={question}", "", "A D D D D D D D D"),
        ("/Study/Questions/Import", "/Study/Questions/Import", "", "A D D D D D D D D"),
        ("/Study/Questions/Index?handler=Delete", "/Study/Questions/Index?handler=Delete&id={question}", "", "A D D D D D D D D"),
        ("/Study/Quizzes/Attempt?handler=Mark", "/Study/Quizzes/Attempt?handler=Mark&id={missing}", "", "N N N N N N D D D"),
        ("/Study/Quizzes/Details?handler=Delete", "/Study/Quizzes/Details?handler=Delete&id={quiz}", "", "A D D D D N D D D"),
        ("/Study/Quizzes/Details?handler=Publish", "/Study/Quizzes/Details?handler=Publish&id={quiz}", "publish=true", "A D D D D N D D D"),
        ("/Study/Quizzes/Details?handler=Start", "/Study/Quizzes/Details?handler=Start&id={quiz}", "", "A A A A A N D D D"),
        ("/Study/Quizzes/Edit", "/Study/Quizzes/Edit?CampaignId={campaign}", "", "A D D D D D D D D"),
        ("/Study/Quizzes/Take", "/Study/Quizzes/Take?id={missing}", "", "N N N N N N D D D"),
        ("/Study/Sessions/Details?handler=AddPerson", "/Study/Sessions/Details?handler=AddPerson&id={session}", "name=", "A D D D D N D D D"),
        ("/Study/Sessions/Details?handler=Delete", "/Study/Sessions/Details?handler=Delete&id={session}", "", "A D D D D N D D D"),
        ("/Study/Sessions/Details?handler=Leave", "/Study/Sessions/Details?handler=Leave&id={session}", "reason=", "A A A A A N D D D"),
        ("/Study/Sessions/Details?handler=Mark", "/Study/Sessions/Details?handler=Mark&id={session}&attendeeId={attendee}", "act=none", "A D D D D N D D D"),
        ("/Study/Sessions/Details?handler=Minutes", "/Study/Sessions/Details?handler=Minutes&id={session}", "", "A D D D D N D D D"),
        ("/Study/Sessions/Details?handler=Photo", "/Study/Sessions/Details?handler=Photo&id={session}", "", "A D D D D N D D D"),
        ("/Study/Sessions/Details?handler=RemoveFile", "/Study/Sessions/Details?handler=RemoveFile&id={session}&fileId={missing}", "", "A D D D D N D D D"),
        ("/Study/Sessions/Edit", "/Study/Sessions/Edit?Id={session}", "", "A D D D D D D D D"),
        ("/Study/SignIn", "/Study/SignIn", "", "A A A A A A A A A"),
        ("/Talks/Details?handler=Delete", "/Talks/Details?handler=Delete&id={talk}", "", "A D N N D N D D D"),
        ("/Talks/Edit", "/Talks/Edit?CampaignId={campaign}", "", "A D D D A N D D D"),
        ("/Talks/Index?handler=Generate", "/Talks/Index?handler=Generate&CampaignId={campaign}", "", "A D D D D N D D D"),
        ("POST /api/v1/study/reflections", "POST /api/v1/study/reflections", "{\"campaignId\":\"{campaign}\",\"kind\":\"Note\",\"title\":\"矩阵\",\"body\":\"矩阵\"}", "A A A A A P D D D"),
        ("POST /api/v1/study/sign-in", "POST /api/v1/study/sign-in", "{}", "A A A A A A D D D"),
    ];

    /// <summary>Allowed posts that change the demo data (delete, end, sign out…): they run after all others, in this order.</summary>
    private static readonly string[] Destructive =
    [
        "/Problems/Details?handler=Merge",
        "/Problems/Edit?handler=Delete",
        "/Rules/Details?handler=Abolish",
        "/Talks/Details?handler=Delete",
        "/Research/Topic?handler=Delete",
        "/BranchLife/Details?handler=Delete",
        "/Research/Activity?handler=Delete",
        "/Opinions/Consultations/Index?handler=Withdraw",
        "/Rectification/Edit?handler=Delete",
        "/Study/Quizzes/Details?handler=Delete",
        "/Study/Materials/Details?handler=Delete",
        "/Study/Sessions/Details?handler=Delete",
        "/Study/Questions/Index?handler=Delete",
        "/Ledgers/Assessment?handler=DeleteIndicator",
        "/Campaigns/Milestone?handler=Delete",
        "/Briefings/Details?handler=Delete",
        "/Campaigns/Details?handler=RemoveMember",
        "/Study/Discussions/Details?handler=Remove",
        "/Organization/People/Details?handler=RemoveRole",
        "/Organization/People/Details?handler=Delete",
        "/Organization/Unit?handler=Unsupervise",
        "/Organization/Unit?handler=Deactivate",
        "/Organization/Unit?handler=Delete",
        "/Admin/Users/Edit?handler=Disable",
        "/Account/Security?handler=DisableTwoFactor",
        "/Campaigns/Edit?handler=End",
        "/Account/Logout",
    ];

    /// <summary>Every 5xx answer, with the start of its body.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> faults = new();

    [DbFact]
    public async Task EveryWriteAnswersEachRoleAsDeclaredAndARefusedRoleWritesNothing()
    {
        var routes = await RoutesAsync();
        var declared = Matrix.ToDictionary(r => r.Route, StringComparer.Ordinal);
        var missing = routes.Where(r => !declared.TryGetValue(r, out var row) || row.Expected.Length == 0).ToList();
        var stale = declared.Keys.Where(r => !routes.Contains(r)).ToList();
        var late = Destructive.Where(routes.Contains).ToList();

        var ids = await IdsAsync();
        var absent = ids.Where(id => id.Value == Guid.Empty).Select(id => id.Key).ToList();
        var clients = new List<(HttpClient Client, string Token)>();
        foreach (var column in RouteRoleMatrixTests.Columns)
        {
            var client = Roles.IsAdministrator(column) ? await app.AdminClientAsync(column) : await app.SignedInClientAsync(column);
            var token = (await client.GetDocumentAsync("/Account/Security")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            clients.Add((client, token));
        }

        // An appraisal past its closing time is unsealed by the first request that loads it, whoever asks: done here, so
        // that the refused roles' requests below are the only ones that could write.
        (await clients[0].Client.GetAsync(new Uri(RouteRoleMatrixTests.Fill("/Appraisal/Details?id={appraisal}", ids), UriKind.Relative))).EnsureSuccessStatusCode();
        var answers = routes.ToDictionary(r => r, _ => new char[clients.Count], StringComparer.Ordinal);
        var wrong = new List<string>();
        var written = new List<string>();

        // First every role that must be refused, on untouched demo data: the roles of one write post at once, then the
        // audit log must hold no new data entry.
        foreach (var route in routes.Where(declared.ContainsKey))
        {
            var row = declared[route];
            var expected = Letters(row.Expected);
            var refused = Enumerable.Range(0, clients.Count).Where(i => expected.Length == clients.Count && expected[i] != 'A').ToList();
            if (refused.Count == 0)
            {
                continue;
            }

            var before = await DataWritesAsync();
            var got = await Task.WhenAll(refused.Select(i => PostAsync(clients[i], row.Url, row.Body, ids)));
            foreach (var (i, outcome) in refused.Zip(got))
            {
                answers[route][i] = outcome;
            }

            var after = await DataWritesAsync();
            if (after != before)
            {
                var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => !e.Action.StartsWith(AuditActions.SecurityPrefix))
                    .OrderByDescending(e => e.Sequence).Take(after - before).Select(e => e.UserName + " " + e.Action + " " + e.ObjectType + " " + e.Summary).ToListAsync());
                written.Add($"{route}：拒绝的角色（{string.Join("、", refused.Select(i => RouteRoleMatrixTests.Columns[i]))}）写入了：{string.Join("；", entries)}");
            }
        }

        // Then the allowed roles one by one (and every role of a write with no row yet), the destructive writes last.
        foreach (var route in routes.Where(r => !late.Contains(r)).Concat(late))
        {
            var (url, body, expected) = declared.TryGetValue(route, out var row) ? (row.Url, row.Body, Letters(row.Expected)) : (GuessUrl(route), "", "");
            for (var i = 0; i < clients.Count; i++)
            {
                if (expected.Length != clients.Count || expected[i] == 'A')
                {
                    answers[route][i] = await PostAsync(clients[i], url, body, ids);
                }
            }
        }

        var actual = new StringBuilder();
        foreach (var route in routes)
        {
            var (url, body, expected) = declared.TryGetValue(route, out var row) ? (row.Url, row.Body, Letters(row.Expected)) : (GuessUrl(route), "", "");
            var got = new string(answers[route]);
            actual.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"        (\"{route}\", \"{url}\", \"{body.Replace("\"", "\\\"", StringComparison.Ordinal)}\", \"{RouteRoleMatrixTests.Spaced(got)}\"),");
            if (expected.Length > 0 && !Matches(expected, got))
            {
                wrong.Add($"{route} ({RouteRoleMatrixTests.Fill(url, ids)}): expected {RouteRoleMatrixTests.Spaced(expected)}, got {RouteRoleMatrixTests.Spaced(got)}");
            }
        }

        var problems = new List<string>();
        if (absent.Count > 0)
        {
            problems.Add($"演示数据中没有：{string.Join("、", absent)}");
        }

        if (missing.Count > 0)
        {
            problems.Add($"没有声明的写入（{missing.Count}）：{string.Join("、", missing)}");
        }

        if (stale.Count > 0)
        {
            problems.Add($"声明了但不存在的写入：{string.Join("、", stale)}");
        }

        if (written.Count > 0)
        {
            problems.Add($"被拒绝的请求写入了数据（{written.Count}）：\n{string.Join("\n", written)}");
        }

        if (wrong.Count > 0)
        {
            problems.Add($"与声明不符（{wrong.Count}）：\n{string.Join("\n", wrong)}");
        }

        if (!faults.IsEmpty)
        {
            problems.Add($"5xx：\n{string.Join("\n", faults)}");
        }

        if (app.Errors.Entries.Count > 0)
        {
            problems.Add($"应用记录的错误：\n{string.Join("\n", app.Errors.Entries)}");
        }

        problems.ShouldBeEmpty($"{string.Join("\n", problems)}\n实际结果：\n{actual}");
    }

    /// <summary>Every write of the running app, as the matrix names them: page POST handlers and API writes.</summary>
    private async Task<List<string>> RoutesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post"))
                {
                    routes.Add(string.IsNullOrEmpty(handler.Name) ? page.ViewEnginePath : $"{page.ViewEnginePath}?handler={handler.Name}");
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is "POST" or "PUT" or "PATCH" or "DELETE")
                {
                    routes.Add($"{method} /" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'));
                }
            }
        }

        return [.. routes];
    }

    /// <summary>
    /// Posts once as one role: a page write as a form with the role's antiforgery token, an API write as JSON (with the
    /// token in the antiforgery header too, so the answer is about authorization).
    /// </summary>
    private async Task<char> PostAsync((HttpClient Client, string Token) caller, string url, string body, IReadOnlyDictionary<string, Guid> ids)
    {
        var space = url.IndexOf(' ', StringComparison.Ordinal);
        using var request = space > 0
            ? new HttpRequestMessage(new HttpMethod(url[..space]), new Uri(RouteRoleMatrixTests.Fill(url[(space + 1)..], ids), UriKind.Relative))
            {
                Content = new StringContent(RouteRoleMatrixTests.Fill(body.Length == 0 ? "{}" : body, ids), Encoding.UTF8, "application/json"),
            }
            : new HttpRequestMessage(HttpMethod.Post, new Uri(RouteRoleMatrixTests.Fill(url, ids), UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(Fields(RouteRoleMatrixTests.Fill(body, ids)).Append(new("__RequestVerificationToken", caller.Token))),
            };
        request.Headers.Add("RequestVerificationToken", caller.Token);
        using var response = await caller.Client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            var text = await response.Content.ReadAsStringAsync();
            faults.Enqueue($"{url} → {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            return 'X';
        }

        // A created record (201) or no content (204) is an allowed answer as 200 is.
        return response.IsSuccessStatusCode ? 'O' : RouteRoleMatrixTests.Outcome(response);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""));

    /// <summary>An allowed role (A) matches any answer but a refusal or a 5xx; a refusal must be the one declared.</summary>
    private static bool Matches(string expected, string got) =>
        expected.Length == got.Length && expected.Zip(got).All(p => p.First switch
        {
            'A' => p.Second is not ('D' or 'N' or 'X' or '\0'),
            'P' => p.Second is 'O' or 'B',
            _ => p.First == p.Second,
        });

    private static string Letters(string expected) => expected.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>For a write with no row yet: its path (or its route for an API write), so the failure shows what it answers.</summary>
    private static string GuessUrl(string route) => route;

    /// <summary>Audit entries of changed records (security events, such as a refused request, are not data).</summary>
    private Task<int> DataWritesAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => !e.Action.StartsWith(AuditActions.SecurityPrefix)));

    /// <summary>The ids of <see cref="RouteRoleMatrixTests"/>'s reads, and the records only writes need.</summary>
    private async Task<Dictionary<string, Guid>> IdsAsync()
    {
        var ids = await RouteRoleMatrixTests.IdsAsync(app);
        var target = await app.CreateUserAsync([Roles.Member]);
        await app.WithDbAsync(async db =>
        {
            // Demo records seeded in one go share their creation time: the id breaks the tie, so each run posts to the
            // same records (a rule in force, the campaign's own phase).
            var campaignId = ids["campaign"];
            ids["phase"] = await db.Phases.Where(x => x.CampaignId == campaignId).OrderBy(x => x.Order).Select(x => x.Id).FirstAsync();
            ids["rule"] = await db.Rules.Where(x => x.Status == Dangjian.Web.Features.Rules.RuleStatus.Current).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["problem"] = await db.Problems.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["session"] = await db.StudySessions.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["material"] = await db.StudyMaterials.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["quiz"] = await db.Quizzes.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["discussion"] = await db.DiscussionTopics.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            // A ledger item of the member 孙磊's department (whose people report on it): ids order differently on the two
            // databases, so the pick must not depend on the tie-break.
            ids["ledgerItem"] = await db.LedgerItems.Where(i => db.People.Any(p => p.Name == "孙磊" && p.OrgUnitId == i.DepartmentId) && db.MonthlyReports.Any(r => r.ItemId == i.Id))
                .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            // A top item of the bureau's own plan that neither the member 孙磊's department nor the leader 王建国 answers for
            // (they may report on their own; a subsidiary's plan belongs to its office).
            ids["rectificationItem"] = await db.RectificationItems
                .Where(i => i.CampaignId == campaignId && i.PlanUnitId == null && i.ParentId == null && !db.People.Any(p => p.Name == "孙磊" && p.OrgUnitId == i.DepartmentId) && i.LeaderPerson!.Name != "王建国")
                .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["ruleReview"] = await db.RuleReviews.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["letter"] = await db.SolicitationLetters.OrderBy(x => x.SentOn).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["forum"] = await db.Forums.OrderBy(x => x.HeldOn).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["appraisal"] = await db.Appraisals.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["ledger"] = await db.Ledgers.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["period"] = await db.AssessmentPeriods.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            ids["scheme"] = await db.AssessmentSchemes.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var institute = ids["institute"];
            var person = ids["institutePerson"];
            var campaign = campaignId;
            ids["targetUser"] = await db.Users.Where(u => u.UserName == target).Select(u => u.Id).SingleAsync();
            ids["opinion"] = await db.Opinions.Where(o => o.CampaignId == campaign).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync();
            ids["otherProblem"] = await db.Problems.Where(p => p.Id != ids["problem"]).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync();
            ids["otherUnit"] = await db.OrgUnits.Where(u => u.Id != institute && u.ParentId != null).OrderBy(u => u.Code).Select(u => u.Id).FirstOrDefaultAsync();
            ids["supervisionLink"] = await db.SupervisionLinks.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Select(l => l.Id).FirstOrDefaultAsync();
            // A side post held by someone outside the member's and the subsidiary office's units (their answer is 404,
            // not 403): picked by that property, as the seed's creation times tie and ids break the tie at random.
            var narrow = await db.Users.Where(u => u.UserName == "member" || u.UserName == "unit")
                .Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.OrgUnit!.Path).FirstOrDefault()).ToListAsync();
            var roles = await db.PersonUnitRoles.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.PersonId, Path = db.People.Where(p => p.Id == r.PersonId).Select(p => p.OrgUnit!.Path).FirstOrDefault() }).ToListAsync();
            var role = roles.FirstOrDefault(r => r.Path is not null && !narrow.Any(n => n is not null && r.Path.StartsWith(n, StringComparison.Ordinal)));
            (ids["personRole"], ids["rolePerson"]) = (role?.Id ?? Guid.Empty, role?.PersonId ?? Guid.Empty);
            ids["campaignMember"] = await db.CampaignMembers.Where(m => m.CampaignId == campaign).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync();
            ids["attendee"] = await db.SessionAttendees.Where(a => a.SessionId == ids["session"]).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
            ids["speaker"] = await db.DiscussionSpeakers.Where(s => s.TopicId == ids["discussion"]).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync();
            ids["indicator"] = await db.Indicators.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync();
            ids["monthlyReport"] = await db.MonthlyReports.Where(r => r.ItemId == ids["ledgerItem"]).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync();
            ids["letterRecipient"] = await db.LetterRecipients.Where(r => r.LetterId == ids["letter"]).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync();
            ids["question"] = await db.Questions.OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).Select(q => q.Id).FirstOrDefaultAsync();
            ids["problemOpinion"] = await db.ProblemOpinions.Where(o => o.ProblemId == ids["problem"]).OrderBy(o => o.OpinionId).Select(o => o.OpinionId).FirstOrDefaultAsync();
            ids["lastProblem"] = await db.Problems.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync();
            var scheme = await db.AssessmentPeriods.Where(p => p.Id == ids["period"]).Select(p => p.SchemeId).SingleAsync();
            ids["scoredIndicator"] = await db.Indicators.Where(i => i.SchemeId == scheme && i.AssessorPersonId != null).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync();
            // A note not yet checked: only its author may change it.
            ids["uncheckedNote"] = await db.StudyNotes.Where(n => n.CheckedAt == null).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Id).FirstOrDefaultAsync();
            ids["leaderPerson"] = await db.People.Where(p => p.Name == "李红梅").Select(p => p.Id).FirstOrDefaultAsync();
            return 0;
        });
        return ids;
    }
}

using Dangjian.Web.Features.Account;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.Briefings;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Features.Meetings;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Research;
using Dangjian.Web.Features.Rules;
using Dangjian.Web.Features.Talks;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Study;

namespace Dangjian.Web.Features;

/// <summary>Each feature's JSON API, mapped into the authenticated <c>/api/v1</c> group.</summary>
public static class FeatureApis
{
    public static RouteGroupBuilder MapFeatureApis(this RouteGroupBuilder api)
    {
        api.MapAccountApi();
        api.MapOrganizationApi();
        api.MapCampaignsApi();
        api.MapStudyApi();
        api.MapAppraisalsApi();
        api.MapOpinionsApi();
        api.MapTalksApi();
        api.MapProblemsApi();
        api.MapRectificationApi();
        api.MapMeetingsApi();
        api.MapLedgersApi();
        api.MapRulesApi();
        api.MapBriefingsApi();
        api.MapResearchApi();
        return api;
    }
}

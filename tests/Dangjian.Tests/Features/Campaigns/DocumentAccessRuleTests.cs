using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using static Dangjian.Web.Features.Campaigns.DocumentAccess;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>The document rule's table and the listening rule, without a host.</summary>
public sealed class DocumentAccessRuleTests
{
    private static readonly Reader[] Each = [Reader.Office, Reader.LeadingGroup, Reader.Supervision, Reader.Author, Reader.PlanKeeper, Reader.Participant, Reader.Observer];

    private static List<Reader> ReadersOf(DocumentKind kind, Stage stage) => Each.Where(r => MayRead(kind, stage, r)).ToList();

    [Fact]
    public void EveryDocumentKindHasARowInTheTable()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            Table.ContainsKey(kind).ShouldBeTrue(kind.ToString());
        }
    }

    [Fact]
    public void BriefingDraftsAndUnpublishedIssuesStayWithTheOfficeAndTheSupervisionGroup()
    {
        ReadersOf(DocumentKind.Briefing, Stage.Draft).ShouldBe([Reader.Office, Reader.Supervision]);
        ReadersOf(DocumentKind.Briefing, Stage.Approved).ShouldBe([Reader.Office, Reader.Supervision], "approved but not published is not in the column yet");
        MayRead(DocumentKind.Briefing, Stage.Approved, Reader.LeadingGroup | Reader.Participant).ShouldBeFalse("a leader of the team reads the column, not the drafts");
    }

    [Fact]
    public void APublishedBriefingIsReadByEveryoneTheCampaignConcernsAndItsObservers()
    {
        MayRead(DocumentKind.Briefing, Stage.Published, Reader.Participant).ShouldBeTrue();
        MayRead(DocumentKind.Briefing, Stage.Published, Reader.Observer).ShouldBeTrue();
        StageOf(DocumentStatus.Approved, published: true).ShouldBe(Stage.Published);
        StageOf(DocumentStatus.Submitted, published: true).ShouldBe(Stage.Draft, "only an approved text can count as published");
    }

    [Fact]
    public void ASelfInspectionIsPersonalAtEveryStage()
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            ReadersOf(DocumentKind.SelfInspection, stage).ShouldBe([Reader.Office, Reader.LeadingGroup, Reader.Supervision, Reader.Author], stage.ToString());
        }
    }

    [Theory]
    [InlineData(DocumentKind.ImplementationPlan)]
    [InlineData(DocumentKind.StudyPlan)]
    [InlineData(DocumentKind.PhaseSummary)]
    [InlineData(DocumentKind.CampaignSummary)]
    [InlineData(DocumentKind.RectificationPlan)]
    public void PublicDocumentsAreReadByParticipantsAndObserversOnlyOnceApproved(DocumentKind kind)
    {
        MayRead(kind, Stage.Draft, Reader.Participant).ShouldBeFalse();
        MayRead(kind, Stage.Draft, Reader.Observer).ShouldBeFalse();
        MayRead(kind, Stage.Draft, Reader.Supervision).ShouldBeTrue("the supervision group reviews drafts");
        MayRead(kind, Stage.Approved, Reader.Participant).ShouldBeTrue();
        MayRead(kind, Stage.Approved, Reader.Observer).ShouldBeTrue();
    }

    [Fact]
    public void ASpeechIsInternalAndNeverShownToObservers()
    {
        MayRead(DocumentKind.Speech, Stage.Draft, Reader.Participant).ShouldBeFalse();
        MayRead(DocumentKind.Speech, Stage.Approved, Reader.Participant).ShouldBeTrue();
        MayRead(DocumentKind.Speech, Stage.Approved, Reader.Observer).ShouldBeFalse();
    }

    [Fact]
    public void AUnitsRectificationPlanDraftIsReadByWhoKeepsIt()
    {
        MayRead(DocumentKind.RectificationPlan, Stage.Draft, Reader.PlanKeeper).ShouldBeTrue();
        MayRead(DocumentKind.RectificationPlan, Stage.Draft, Reader.Participant).ShouldBeFalse();
        var unit = Guid.NewGuid();
        var plans = new Dangjian.Web.Features.Rectification.RectificationService.Rights(false, false, null, null, [unit]);
        var standing = new Standing(Reader.Participant, null, plans);
        MayRead(new Facts(Guid.NewGuid(), DocumentKind.RectificationPlan, DocumentStatus.Draft, unit, false, null), standing).ShouldBeTrue();
        MayRead(new Facts(Guid.NewGuid(), DocumentKind.RectificationPlan, DocumentStatus.Draft, Guid.NewGuid(), false, null), standing).ShouldBeFalse("another unit's plan");
    }

    [Fact]
    public void OnlyTheAuthorAmongParticipantsReadsTheirOwnSelfInspection()
    {
        var person = Guid.NewGuid();
        var own = new Facts(Guid.NewGuid(), DocumentKind.SelfInspection, DocumentStatus.Draft, null, false, person);
        MayRead(own, new Standing(Reader.Participant, person, null)).ShouldBeTrue();
        MayRead(own, new Standing(Reader.Participant, Guid.NewGuid(), null)).ShouldBeFalse();
        MayRead(own with { OwnerPersonId = null }, new Standing(Reader.Participant, null, null)).ShouldBeFalse("the team's material is not a member's either");
    }

    [Fact]
    public void ListeningMaterialIsReadOnlyWhereTheScopeCoversTheCampaignsUnit()
    {
        var bureau = "/0001/";
        ListeningAccess.Reads(new DataScope([bureau]), bureau).ShouldBeTrue("office and leaders: the whole organization");
        ListeningAccess.Reads(new DataScope(["/0009/0002/", bureau]), bureau).ShouldBeTrue("the supervision group: the units it supervises");
        ListeningAccess.Reads(new DataScope([bureau + "0005/"]), bureau).ShouldBeFalse("a department's member sees the campaign, not what was said in it");
        ListeningAccess.Reads(DataScope.Nothing, bureau).ShouldBeFalse();
    }
}

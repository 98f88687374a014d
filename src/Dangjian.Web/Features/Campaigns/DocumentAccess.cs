using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Who reads a campaign document (its text, its versions, its Word export), per document kind and stage, decided here
/// once: the document page, the briefing pages and API, the self-inspection pages and the campaign overview all ask
/// <see cref="MayRead"/>. A document the caller may not read does not exist for them (404), so ids cannot be probed.
/// The table (<see cref="Table"/>) is what the README prints.
/// </summary>
public sealed class DocumentAccess(AppDbContext db, CurrentUser me, CampaignAccess access, Rectification.RectificationService rectification)
{
    /// <summary>How far a document has come: drafts (草稿, 待审核, 已退回), approved, and for a 简报 also published in the column.</summary>
    public enum Stage
    {
        Draft = 1,
        Approved = 2,
        Published = 3,
    }

    /// <summary>The ways a person stands to a campaign; a person may stand in several.</summary>
    [Flags]
    public enum Reader
    {
        None = 0,

        /// <summary>活动办公室: runs the campaign (edit permission over its organization) or sits in its 办公室 group.</summary>
        Office = 1,

        /// <summary>领导小组 of the campaign.</summary>
        LeadingGroup = 2,

        /// <summary>督导组 of the campaign: reviews its documents.</summary>
        Supervision = 4,

        /// <summary>The leader whose own 对照检查材料 it is.</summary>
        Author = 8,

        /// <summary>Keeps the 直属单位's own 整改方案 the document belongs to.</summary>
        PlanKeeper = 16,

        /// <summary>Anyone the campaign concerns (in or below the unit that runs it): members, units' offices, leaders.</summary>
        Participant = 32,

        /// <summary>群众观察员 appointed to the campaign, from outside the roster.</summary>
        Observer = 64,
    }

    /// <summary>One row of the rule: who reads the kind's drafts, its approved version, and (简报 only) the published issue.</summary>
    public sealed record Rule(string Kind, Reader Drafts, Reader Approved, Reader Published);

    private const Reader Authors = Reader.Office | Reader.LeadingGroup | Reader.Supervision;

    private const Reader Everyone = Authors | Reader.Participant | Reader.Observer;

    /// <summary>
    /// The rule table. Drafts stay with those who write and review them; an approved plan, summary or 整改方案 is public
    /// to everyone the campaign concerns and to its observers; a speech is internal; a 简报 reaches readers only when
    /// published (approved alone is not enough), and its drafts not even the leading group; a 对照检查材料 is personal
    /// at every stage.
    /// </summary>
    public static IReadOnlyDictionary<DocumentKind, Rule> Table { get; } = new Dictionary<DocumentKind, Rule>
    {
        [DocumentKind.ImplementationPlan] = new("实施方案", Authors, Everyone, Everyone),
        [DocumentKind.StudyPlan] = new("学习计划", Authors, Everyone, Everyone),
        [DocumentKind.PhaseSummary] = new("环节小结", Authors, Everyone, Everyone),
        [DocumentKind.CampaignSummary] = new("活动总结", Authors, Everyone, Everyone),
        [DocumentKind.Speech] = new("讲话稿", Authors, Authors | Reader.Participant, Authors | Reader.Participant),
        [DocumentKind.Other] = new("其他材料", Authors, Authors | Reader.Participant, Authors | Reader.Participant),
        [DocumentKind.Briefing] = new("简报", Reader.Office | Reader.Supervision, Reader.Office | Reader.Supervision, Everyone),
        [DocumentKind.SelfInspection] = new("对照检查材料", Authors | Reader.Author, Authors | Reader.Author, Authors | Reader.Author),
        [DocumentKind.RectificationPlan] = new("整改方案", Authors | Reader.PlanKeeper, Everyone | Reader.PlanKeeper, Everyone | Reader.PlanKeeper),
    };

    /// <summary>What the rule needs to know of one document.</summary>
    public sealed record Facts(Guid Id, DocumentKind Kind, DocumentStatus Status, Guid? UnitId, bool Published, Guid? OwnerPersonId);

    /// <summary>The caller's standing in one campaign, with what decides the per-document readers.</summary>
    public sealed record Standing(Reader Readers, Guid? PersonId, Rectification.RectificationService.Rights? Plans)
    {
        /// <summary>The campaign concerns them through their scope (not only as an observer).</summary>
        public bool Participates => Readers.HasFlag(Reader.Participant);

        public Reader For(Facts document)
        {
            ArgumentNullException.ThrowIfNull(document);
            var readers = Readers;
            if (document.Kind == DocumentKind.SelfInspection && PersonId is { } person && document.OwnerPersonId == person)
            {
                readers |= Reader.Author;
            }

            if (document.Kind == DocumentKind.RectificationPlan && Plans is { } plans && document.UnitId is { } unit && plans.ManagesPlan(unit))
            {
                readers |= Reader.PlanKeeper;
            }

            return readers;
        }
    }

    /// <summary>The rule without a database: whether any of <paramref name="readers"/> reads a document of this kind at this stage.</summary>
    public static bool MayRead(DocumentKind kind, Stage stage, Reader readers)
    {
        var rule = Table.GetValueOrDefault(kind) ?? Table[DocumentKind.Other];
        var allowed = stage switch
        {
            Stage.Published => rule.Published,
            Stage.Approved => rule.Approved,
            _ => rule.Drafts,
        };
        return (allowed & readers) != Reader.None;
    }

    public static Stage StageOf(DocumentStatus status, bool published) =>
        status != DocumentStatus.Approved ? Stage.Draft : published ? Stage.Published : Stage.Approved;

    public static bool MayRead(Facts document, Standing standing)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(standing);
        return MayRead(document.Kind, StageOf(document.Status, document.Published), standing.For(document));
    }

    /// <summary>
    /// The campaign for a caller it concerns, or for an observer appointed to it (404 otherwise), with their standing.
    /// </summary>
    public async Task<(Campaign Campaign, Standing Standing)> CampaignAsync(Guid campaignId, CancellationToken ct = default)
    {
        var personId = await me.GetPersonIdAsync(ct);
        Campaign campaign;
        var readers = Reader.None;
        try
        {
            campaign = await access.FindAsync(campaignId, Permissions.CampaignsView, ct);
            readers |= Reader.Participant;
        }
        catch (NotFoundException)
        {
            if (!await access.ObservesAsync(campaignId, ct))
            {
                throw;
            }

            campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        }

        List<CampaignGroup> groups = personId is null ? [] : await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.PersonId == personId).Select(m => m.Group).ToListAsync(ct);
        readers |= groups.Aggregate(Reader.None, (r, g) => r | g switch
        {
            CampaignGroup.Office => Reader.Office,
            CampaignGroup.LeadingGroup => Reader.LeadingGroup,
            CampaignGroup.Supervision => Reader.Supervision,
            CampaignGroup.Observer => Reader.Observer,
            _ => Reader.None,
        });
        if (readers.HasFlag(Reader.Participant) && await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct))
        {
            readers |= Reader.Office;
        }

        var plans = readers.HasFlag(Reader.Participant) && me.Principal.Can(Permissions.CampaignsEdit) ? await rectification.RightsAsync(campaign, ct) : null;
        return (campaign, new Standing(readers, personId, plans));
    }

    /// <summary>
    /// A document the caller may read, with its campaign, the caller's standing, and whether they read its drafts too
    /// (else only its approved version: a returned first draft of a public plan stays with its authors). 404 otherwise.
    /// </summary>
    public async Task<(ApprovalDocument Document, Campaign Campaign, Standing Standing, bool ReadsDrafts)> FindAsync(Guid documentId, CancellationToken ct = default)
    {
        var document = await db.ApprovalDocuments.SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new NotFoundException();
        var (campaign, standing) = await CampaignAsync(document.CampaignId, ct);
        var facts = await FactsOf(db.ApprovalDocuments.Where(d => d.Id == documentId)).SingleAsync(ct);
        if (!MayRead(facts, standing))
        {
            throw new NotFoundException();
        }

        return (document, campaign, standing, MayRead(facts.Kind, Stage.Draft, standing.For(facts)));
    }

    /// <summary>The documents of a query the standing may read (a campaign has a few dozen; the rule runs in memory).</summary>
    public async Task<HashSet<Guid>> ReadableAsync(IQueryable<ApprovalDocument> documents, Standing standing, CancellationToken ct = default) =>
        (await FactsOf(documents).ToListAsync(ct)).Where(f => MayRead(f, standing)).Select(f => f.Id).ToHashSet();

    private IQueryable<Facts> FactsOf(IQueryable<ApprovalDocument> documents) => documents.Select(d => new Facts(
        d.Id,
        d.Kind,
        d.Status,
        d.UnitId,
        db.Briefings.Any(b => b.DocumentId == d.Id && b.PublishedAt != null),
        db.SelfInspections.Where(s => s.DocumentId == d.Id).Select(s => s.PersonId).FirstOrDefault()));
}

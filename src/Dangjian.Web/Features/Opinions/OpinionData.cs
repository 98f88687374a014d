using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Opinions; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<SolicitationLetter> SolicitationLetters => Set<SolicitationLetter>();

    public DbSet<LetterRecipient> LetterRecipients => Set<LetterRecipient>();
}

using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Appraisal;

internal static class AppraisalClosing
{
    /// <summary>Moves past the appraisal's close, asks for the tally (which opens the sealed ballots), and moves the clock back.</summary>
    public static async Task CloseAppraisalAsync(this AppFactory app, Guid id)
    {
        var closes = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Id == id).Select(a => a.ClosesAt).SingleAsync()) - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        app.Clock.Advance(closes);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await scope.ServiceProvider.GetRequiredService<AppraisalService>().TallyAsync(await db.Appraisals.AsNoTracking().SingleAsync(a => a.Id == id))).ShouldNotBeNull();
        }
        finally
        {
            app.Clock.Advance(-closes);
        }
    }
}

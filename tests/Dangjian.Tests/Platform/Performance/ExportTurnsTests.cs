using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Performance;

/// <summary>A fixture building one export at a time with no queue, so that a busy turn is easy to provoke.</summary>
public sealed class OneExportAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Exports:Concurrent"] = "1", ["Exports:Queue"] = "0" };
}

/// <summary>Exports take their turn: when every turn is taken and the queue is full, a clear 503 in Chinese; pages are never held.</summary>
public sealed class ExportTurnsTests(OneExportAppFactory app) : IClassFixture<OneExportAppFactory>
{
    [DbFact]
    public async Task AnExportWaitsForItsTurnAndPagesDoNot()
    {
        var office = await app.SignedInClientAsync("office");
        var export = new Uri("/Organization/People?handler=Export", UriKind.Relative);
        (await office.GetAsync(export)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var queue = app.Services.GetRequiredService<ExportTurns>();
        using (var turn = await queue.TurnAsync())
        {
            turn.IsAcquired.ShouldBeTrue();
            var busy = await office.GetAsync(export);
            busy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await busy.Content.ReadAsStringAsync()).ShouldContain("请稍后再试");
            busy.Headers.RetryAfter.ShouldNotBeNull();

            // The list itself and the other handlers are not exports: they never wait.
            (await office.GetAsync(new Uri("/Organization/People", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await office.GetAsync(export)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

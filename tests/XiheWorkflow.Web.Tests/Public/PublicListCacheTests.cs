using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Tests.Public;

/// <summary>The public list is served from memory, and publication or withdrawal shows at once.</summary>
public class PublicListCacheTests(XiheWebFactoryWithDemoNotices app) : IClassFixture<XiheWebFactoryWithDemoNotices>
{
    private async Task<string[]> TitlesAsync(HttpClient client)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/public/notices?pageSize=100")).RootElement;
        return json.EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToArray();
    }

    private async Task<int> IdAsync(string title)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return await db.Notices.Where(n => n.Title == title).Select(n => n.Id).SingleAsync();
    }

    private async Task<string> ApprovedTitleAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return await db.Notices.Where(n => n.State == NoticeState.Approved).OrderBy(n => n.Id).Select(n => n.Title).FirstAsync();
    }

    private async Task DecideAsync(string title, NoticeAction action, string? reason = null)
    {
        var id = await IdAsync(title);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DecideNotice>()
            .HandleAsync(new DecideNotice.Command(id, null, action, reason), await app.DemoActorAsync("officer"));
    }

    [Fact]
    public async Task PublishingAndWithdrawing_ShowInTheNextListResponse()
    {
        using var client = app.CreateClient();
        var approved = await ApprovedTitleAsync();
        var before = await TitlesAsync(client);
        (await TitlesAsync(client)).ShouldBe(before, "a second read is the same list");
        before.ShouldNotContain(approved);
        before.ShouldContain("硝河乡养老服务补贴申领指南");

        await DecideAsync(approved, NoticeAction.Publish);
        (await TitlesAsync(client)).ShouldContain(approved);

        await DecideAsync("硝河乡养老服务补贴申领指南", NoticeAction.Withdraw, "补贴标准已调整");
        (await TitlesAsync(client)).ShouldNotContain("硝河乡养老服务补贴申领指南");
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Tests.Privacy;

/// <summary>
/// The whole privacy gate from the outside: a 公示 drafted with unmasked numbers in its body and
/// roster, masked with one click, approved and published; every public output shows only the
/// masked form.
/// </summary>
public sealed class PublicMaskedFormTests : IAsyncLifetime
{
    private const string Id = "640422199710098285", Mobile = "15654235116";
    private readonly XiheWebFactory _app = new();
    private int _notice;

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var staff = await ActorAsync("staff2");
        await using var db = await sp.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var draft = await sp.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = "2024年12月临时救助对象公示",
            BodyHtml = $"<p>救助对象马某，身份证号{Id}，联系电话{Mobile}。</p>",
            CategoryId = await db.Categories.Where(c => c.Name == "低保公示").Select(c => c.Id).SingleAsync(),
            OfficeId = await db.Offices.Where(o => o.Name == "民生服务中心").Select(o => o.Id).SingleAsync(),
            LegalBasis = "《社会救助暂行办法》",
        }, staff);
        var roster = Encoding.UTF8.GetBytes($"户主姓名,家庭人口,金额\n马某,3,{Id}\n");
        await sp.GetRequiredService<EditRoster>().AttachAsync(draft.NoticeId, new MemoryStream(roster), "名单.csv", roster.Length, staff);

        // 一键遮盖: body and roster.
        await sp.GetRequiredService<EditRoster>().MaskAsync(draft.NoticeId, staff);
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == draft.NoticeId);
        var (title, body) = sp.GetRequiredService<NoticePrivacyCheck>().MaskText(notice.Title, notice.BodyHtml);
        var saved = await sp.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = notice.Id, ExpectedVersion = notice.Version, Title = title, BodyHtml = body, CategoryId = notice.CategoryId,
            OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis,
        }, staff);

        var v = await sp.GetRequiredService<SubmitNotice>().HandleAsync(new SubmitNotice.Command(saved.NoticeId, saved.Version), staff);
        var decide = sp.GetRequiredService<DecideNotice>();
        v = await decide.HandleAsync(new DecideNotice.Command(saved.NoticeId, v, NoticeAction.Approve), await ActorAsync("leader"));
        var officer = await ActorAsync("officer");
        v = await decide.HandleAsync(new DecideNotice.Command(saved.NoticeId, v, NoticeAction.Approve), officer);
        // No reason given: the publish goes through only because nothing unmasked is left.
        await decide.HandleAsync(new DecideNotice.Command(saved.NoticeId, v, NoticeAction.Publish), officer);
        _notice = saved.NoticeId;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Actor> ActorAsync(string userName) => _app.DemoActorAsync(userName);

    [Theory]
    [InlineData("/public/notices/{0}")]
    [InlineData("/api/public/notices/{0}")]
    [InlineData("/public/notices/{0}/print")]
    [InlineData("/feeds/notices.atom")]
    [InlineData("/public")]
    public async Task PublicOutput_ShowsOnlyTheMaskedForm(string path)
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(string.Format(path, _notice));
        response.IsSuccessStatusCode.ShouldBeTrue(path);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(Id);
        text.ShouldNotContain(Mobile);
        if (path.Contains("{0}") && !path.StartsWith("/api")) text.ShouldContain("640422********8285");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Tests.Public;

/// <summary>
/// The app with a few notices the public may or may not see: a 公示 in publicity, a published
/// news item, a draft and a withdrawn notice, made through the same use cases people use.
/// </summary>
public sealed class PublicDataFactory : XiheWebFactory, IAsyncLifetime
{
    public int InPublicity { get; private set; }
    public int News { get; private set; }
    public int Draft { get; private set; }
    public int Withdrawn { get; private set; }
    public int Corrected { get; private set; }

    public const string CorrectionNote = "原公示第3户保障金额有误，由280元更正为350元";
    public const string Clarification = "名单中“家庭人口”含户主本人。";

    public const string WithdrawReason = "名单有误，核实后重新公示";

    public async Task InitializeAsync()
    {
        _ = Server; // starts the app: migrations and demo accounts
        InPublicity = await PublishAsync("2024年11月城乡低保拟保对象公示", "低保公示", "民生服务中心", "staff2");
        News = await PublishAsync("硝河乡召开冬季安全生产会议", "新闻动态", "综合办公室", "staff");
        Withdrawn = await PublishAsync("特困供养人员名单公示", "特困供养公示", "民生服务中心", "staff2");
        var officer = await ActorAsync("officer");
        await Decide(Withdrawn, NoticeAction.Withdraw, officer, WithdrawReason);
        Draft = (await DraftAsync("尚未提交的草稿", "新闻动态", "综合办公室", await ActorAsync("staff"))).NoticeId;
        Corrected = await PublishAsync("2024年11月临时救助对象公示", "低保公示", "民生服务中心", "staff2");
        await CorrectAsync(Corrected, "<p>经村民代表会议评议，现予公示。第3户保障金额为350元。</p>", CorrectionNote, material: true);
        await Decide(Corrected, NoticeAction.Clarify, officer, Clarification);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private async Task<int> PublishAsync(string title, string category, string office, string author)
    {
        var staff = await ActorAsync(author);
        var draft = await DraftAsync(title, category, office, staff);
        using var scope = Services.CreateScope();
        var v = await scope.ServiceProvider.GetRequiredService<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);
        v = await Decide(draft.NoticeId, NoticeAction.Approve, await ActorAsync("leader"), version: v);
        v = await Decide(draft.NoticeId, NoticeAction.Approve, await ActorAsync("officer"), version: v);
        await Decide(draft.NoticeId, NoticeAction.Publish, await ActorAsync("officer"), version: v);
        return draft.NoticeId;
    }

    /// <summary>更正 by the notice's author, approved by the disclosure officer.</summary>
    private async Task CorrectAsync(int id, string body, string note, bool material)
    {
        var staff = await ActorAsync("staff2");
        using var scope = Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var n = await db.Notices.AsNoTracking().SingleAsync(x => x.Id == id);
        await scope.ServiceProvider.GetRequiredService<SaveCorrection>().HandleAsync(new SaveCorrection.Command
        {
            NoticeId = id, Title = n.Title, BodyHtml = body, LegalBasis = n.LegalBasis, Channels = [.. n.Channels], Note = note, Material = material,
        }, staff);
        await scope.ServiceProvider.GetRequiredService<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), staff);
        await Decide(id, NoticeAction.ApproveCorrection, await ActorAsync("officer"));
    }

    private async Task<SaveNoticeDraft.Result> DraftAsync(string title, string category, string office, Actor author)
    {
        using var scope = Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return await scope.ServiceProvider.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>经村民代表会议评议，现予公示。监督电话：0954-1234567。</p>",
            CategoryId = await db.Categories.Where(c => c.Name == category).Select(c => c.Id).SingleAsync(),
            OfficeId = await db.Offices.Where(o => o.Name == office).Select(o => o.Id).SingleAsync(),
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        }, author);
    }

    private async Task<int> Decide(int id, NoticeAction action, Actor actor, string? reason = null, int? version = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DecideNotice>().HandleAsync(new DecideNotice.Command(id, version, action, reason), actor);
    }

    public Task<Actor> ActorAsync(string userName) => DemoActorAsync(userName);
}

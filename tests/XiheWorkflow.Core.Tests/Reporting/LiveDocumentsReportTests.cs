using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Tests.Reporting;

/// <summary>
/// Table A from 规章 and 行政规范性文件 published through the system (besides imported ones):
/// issued on the Shanghai day of publication, repealed on the day of 已失效 or 回收, in force on
/// 31 December until then.
/// </summary>
public sealed class LiveDocumentsReportTests : IAsyncLifetime
{
    private TestDatabase _t = null!;

    public async Task InitializeAsync() => _t = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private void At(int year, int month, int day, int hour, int minute) =>
        _t.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    /// <summary>Drafted in 政策文件 (a 行政规范性文件 by default, a major item), reviewed by every stage and published now.</summary>
    private async Task<int> PublishAsync(string title, NoticeKind? kind = null)
    {
        var staff = await _t.DemoActorAsync("staff");
        var draft = await _t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>为规范村级事务管理，制定本办法。</p>",
            CategoryId = await _t.CategoryIdAsync("政策文件"),
            OfficeId = await _t.OfficeIdAsync("综合办公室"),
            Kind = kind,
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        }, staff);
        var v = await _t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);
        var officer = await _t.DemoActorAsync("officer");
        while ((await _t.LoadAsync(draft.NoticeId)).CurrentStage is { } stage)
        {
            v = stage.IsLeadingGroup
                ? await _t.DecideAsync(await _t.DemoActorAsync("group"), draft.NoticeId, v, NoticeAction.Approve,
                    meetingDate: new DateOnly(2024, 5, 9), minutes: NoticeTestKit.Meeting)
                : await _t.DecideAsync(await _t.DemoActorAsync(stage.Role == Domain.Common.Roles.SupervisingLeader ? "leader" : "officer"),
                    draft.NoticeId, v, NoticeAction.Approve);
        }
        await _t.DecideAsync(officer, draft.NoticeId, v, NoticeAction.Publish);
        (await _t.LoadAsync(draft.NoticeId)).State.ShouldBe(NoticeState.Published);
        return draft.NoticeId;
    }

    private async Task EndAsync(int id, NoticeAction action) =>
        await _t.DecideAsync(await _t.DemoActorAsync("officer"), id, null, action, action == NoticeAction.Expire ? "所依据的上位法已废止" : "内容有误，予以回收");

    private record Doc(NoticeKind Kind, DateOnly Issued, DateOnly? Repealed);

    /// <summary>The year semantics of INTERFACES.md §5, written out here on their own.</summary>
    private static DocumentCounts Expected(IEnumerable<Doc> docs, NoticeKind kind, int year)
    {
        var ofKind = docs.Where(d => d.Kind == kind).ToList();
        var dec31 = new DateOnly(year, 12, 31);
        return new DocumentCounts(
            ofKind.Count(d => d.Issued.Year == year),
            ofKind.Count(d => d.Repealed?.Year == year),
            ofKind.Count(d => d.Issued <= dec31 && !(d.Repealed <= dec31)));
    }

    [Fact]
    public async Task Report_CountsDocumentsPublishedThroughTheSystem_WithImportedOnes_OnShanghaiDays()
    {
        // One imported 规范性文件 of 2020, still in force.
        var ledger = Path.Combine(_t.DataDirectory, "old.json");
        await File.WriteAllTextAsync(ledger, """
            { "notices": [ { "reference": "H-1", "title": "村规民约管理办法", "office": "综合办公室", "category": "政策文件",
              "kind": "NormativeDocument", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited",
              "publishedOn": "2020-03-02", "repealedOn": null } ] }
            """);
        await _t.Get<ImportLedger>().HandleAsync(ledger, null, Actor.CommandLine);

        // 2024-05-10 09:30 Shanghai: a 规范性文件, a 规章 and a news item (not a document).
        var a = await PublishAsync("硝河乡村级财务管理办法");
        var r1 = await PublishAsync("硝河乡集贸市场管理规定", NoticeKind.Regulation);
        await PublishAsync("硝河乡召开春季植树动员会", NoticeKind.News);
        // 2024-08-01: the 规章 is taken back (回收).
        At(2024, 8, 1, 2, 0);
        await EndAsync(r1, NoticeAction.Withdraw);
        // 2024-12-31 23:30 Shanghai (15:30 UTC): a 规章 issued on the year's last day.
        At(2024, 12, 31, 15, 30);
        await PublishAsync("硝河乡农村集体资产管理规定", NoticeKind.Regulation);
        // 2025-01-01 00:30 Shanghai (still 31 December in UTC): the first 规范性文件 expires, another is issued.
        At(2024, 12, 31, 16, 30);
        await EndAsync(a, NoticeAction.Expire);
        await PublishAsync("硝河乡村务公开实施办法");
        At(2025, 3, 3, 2, 0);
        var c = await PublishAsync("硝河乡防汛应急工作办法");
        At(2025, 6, 1, 2, 0);
        await EndAsync(c, NoticeAction.Expire);

        Doc[] docs =
        [
            new(NoticeKind.NormativeDocument, new(2020, 3, 2), null),
            new(NoticeKind.NormativeDocument, new(2024, 5, 10), new(2025, 1, 1)),
            new(NoticeKind.Regulation, new(2024, 5, 10), new(2024, 8, 1)),
            new(NoticeKind.Regulation, new(2024, 12, 31), null),
            new(NoticeKind.NormativeDocument, new(2025, 1, 1), null),
            new(NoticeKind.NormativeDocument, new(2025, 3, 3), new(2025, 6, 1)),
        ];
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var report = await _t.Get<BuildAnnualReport>().HandleAsync(year, Actor.CommandLine);
            report.TableA.Regulations.ShouldBe(Expected(docs, NoticeKind.Regulation, year), $"规章 {year}");
            report.TableA.NormativeDocuments.ShouldBe(Expected(docs, NoticeKind.NormativeDocument, year), $"行政规范性文件 {year}");
        }
        // The same figures read by hand, so that the local rule above cannot drift with the code's.
        var y2024 = (await _t.Get<BuildAnnualReport>().HandleAsync(2024, Actor.CommandLine)).TableA;
        (y2024.Regulations, y2024.NormativeDocuments).ShouldBe((new DocumentCounts(2, 1, 1), new DocumentCounts(1, 0, 2)));
        var y2025 = (await _t.Get<BuildAnnualReport>().HandleAsync(2025, Actor.CommandLine)).TableA;
        (y2025.Regulations, y2025.NormativeDocuments).ShouldBe((new DocumentCounts(0, 0, 1), new DocumentCounts(2, 2, 2)));
    }
}

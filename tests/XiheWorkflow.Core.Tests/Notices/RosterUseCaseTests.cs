using System.Text;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Tests.Notices;

public class RosterUseCaseTests
{
    private static async Task AttachSampleAsync(TestDatabase t, int id, Actor staff)
    {
        var bytes = await File.ReadAllBytesAsync(TestFiles.Path("dibao-roster-sample.csv"));
        await t.Get<EditRoster>().AttachAsync(id, new MemoryStream(bytes), "低保名单.csv", bytes.Length, staff);
    }

    [Fact]
    public async Task Attach_SampleDibaoRoster_FlagsColumnsAndAll28Numbers()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        await AttachSampleAsync(t, draft.NoticeId, staff);

        var view = await t.Get<NoticeQueries>().RosterAsync(draft.NoticeId, staff);
        view.ShouldNotBeNull();
        view.Roster.Rows.Count.ShouldBe(60);
        var findings = await t.Get<NoticeQueries>().PrivacyFindingsAsync(draft.NoticeId, staff);
        findings.Count(f => f.Part == NoticePart.Roster).ShouldBe(28);
        findings.Where(f => f.Part == NoticePart.RosterColumn).Select(f => f.Concern)
            .ShouldBe([RosterColumnConcern.ResidentId, RosterColumnConcern.Phone], ignoreOrder: true);
    }

    [Fact]
    public async Task MaskAndRemoveColumns_ThenSubmit_FreezesACleanRoster()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        await AttachSampleAsync(t, draft.NoticeId, staff);
        var edit = t.Get<EditRoster>();

        await edit.MaskAsync(draft.NoticeId, staff);
        var queries = t.Get<NoticeQueries>();
        (await queries.PrivacyFindingsAsync(draft.NoticeId, staff)).ShouldAllBe(f => f.Part == NoticePart.RosterColumn);
        await edit.RemoveColumnAsync(draft.NoticeId, "身份证号", staff);
        await edit.RemoveColumnAsync(draft.NoticeId, "联系电话", staff);
        (await queries.PrivacyFindingsAsync(draft.NoticeId, staff)).ShouldBeEmpty();

        var notice = await t.LoadAsync(draft.NoticeId);
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, notice.Version), staff);
        var frozen = await queries.RosterAsync(draft.NoticeId, await t.DemoActorAsync("leader"));
        frozen.ShouldNotBeNull();
        frozen.Revision.ShouldBe(1);
        frozen.Roster.Headers.ShouldBe(["序号", "村组", "户主姓名", "家庭人口", "保障金额（元/月）"]);
    }

    [Fact]
    public async Task Resubmit_WithChangedAmount_RevisionComparisonShowsTheCell()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        var edit = t.Get<EditRoster>();
        async Task Attach(string csv) =>
            await edit.AttachAsync(draft.NoticeId, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "名单.csv", csv.Length * 3, staff);
        await Attach("姓名,家庭人口,金额\n张三,3,350\n李四,2,280\n");
        var version = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, (await t.LoadAsync(draft.NoticeId)).Version), staff);
        await t.DecideAsync(await t.DemoActorAsync("leader"), draft.NoticeId, version, NoticeAction.Return, "金额有误");
        await Attach("姓名,家庭人口,金额\n张三,3,380\n李四,2,280\n王五,1,200\n");
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, (await t.LoadAsync(draft.NoticeId)).Version), staff);

        var comparison = await t.Get<NoticeQueries>().CompareRevisionsAsync(draft.NoticeId, 1, 2, staff);
        comparison.ShouldNotBeNull();
        comparison.RosterChanges.Single(c => c.Change == RosterRowChange.Changed).CellChanges
            .ShouldBe([new RosterCellChange("金额", "350", "380")]);
        comparison.RosterChanges.Single(c => c.Change == RosterRowChange.Added).Key.ShouldBe("王五");
    }

    [Theory]
    [InlineData("名单.pdf", "Roster.TypeRefused")]
    [InlineData("名单.xlsx", "Roster.NotATable")]
    [InlineData("名单.csv", "Roster.Empty")]
    public async Task Attach_BadFile_ClearMessageAndNothingAttached(string fileName, string code)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        var bytes = fileName.EndsWith(".csv") ? Encoding.UTF8.GetBytes("\n\n") : Encoding.UTF8.GetBytes("这不是表格");
        var e = await Should.ThrowAsync<DomainException>(() =>
            t.Get<EditRoster>().AttachAsync(draft.NoticeId, new MemoryStream(bytes), fileName, bytes.Length, staff));
        e.Code.ShouldBe(code);
        (await t.Get<NoticeQueries>().RosterAsync(draft.NoticeId, staff)).ShouldBeNull();
    }

    [Fact]
    public async Task Attach_TooLarge_IsRefusedBeforeReading()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        var e = await Should.ThrowAsync<DomainException>(() =>
            t.Get<EditRoster>().AttachAsync(draft.NoticeId, Stream.Null, "名单.csv", RosterReader.MaxBytes + 1, staff));
        e.Code.ShouldBe("Roster.TooLarge");
    }

    [Fact]
    public async Task Attach_BySomeoneElse_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var draft = await t.DraftAsync(await t.DemoActorAsync("staff"));
        var bytes = Encoding.UTF8.GetBytes("姓名,金额\n张三,350\n");
        var other = await t.DemoActorAsync("staff2");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<EditRoster>().AttachAsync(draft.NoticeId, new MemoryStream(bytes),
            "名单.csv", bytes.Length, other));
        e.Code.ShouldBe("Workflow.OnlyAuthor");
    }
}

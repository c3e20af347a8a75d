using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

public class RevisionComparisonTests
{
    [Fact]
    public void Characters_ChineseFigureChanged_MarksOnlyTheChangedCharacters()
    {
        var segments = TextDiff.Characters("张三户月保障金额350元。", "张三户月保障金额380元。");
        segments.ShouldBe([
            new DiffSegment(DiffKind.Same, "张三户月保障金额3"),
            new DiffSegment(DiffKind.Deleted, "5"),
            new DiffSegment(DiffKind.Inserted, "8"),
            new DiffSegment(DiffKind.Same, "0元。"),
        ]);
    }

    [Fact]
    public void Characters_SameText_IsOneUnchangedSegment()
    {
        TextDiff.Characters("不变", "不变").ShouldBe([new DiffSegment(DiffKind.Same, "不变")]);
    }

    [Fact]
    public async Task CompareRevisions_AfterReturnAndResubmit_ShowsWhatTheAuthorChanged()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var (id, version) = await t.SubmittedAsync(staff);
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Return, "请写明时间。");
        var notice = await t.LoadAsync(id);
        version = (await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id, ExpectedVersion = version, Title = notice.Title, BodyHtml = "<p>5月9日上午，硝河乡召开春季植树动员会。</p>",
            CategoryId = notice.CategoryId, OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis,
        }, staff)).Version;
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version), staff);

        var comparison = await t.Get<NoticeQueries>().CompareRevisionsAsync(id, null, null, staff);
        comparison.ShouldNotBeNull();
        comparison.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        (comparison.From, comparison.To).ShouldBe((1, 2));
        var body = comparison.Fields.Single(f => f.Field == "Body");
        body.Changed.ShouldBeTrue();
        body.Segments.ShouldContain(new DiffSegment(DiffKind.Inserted, "上午"));
        comparison.Fields.Single(f => f.Field == "Title").Changed.ShouldBeFalse();

        (await t.Get<NoticeQueries>().CompareRevisionsAsync(id, null, null, await t.DemoActorAsync("staff2"))).ShouldBeNull();
    }
}

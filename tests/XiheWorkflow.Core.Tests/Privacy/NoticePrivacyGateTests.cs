using System.Text;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Tests.Privacy;

public class NoticePrivacyGateTests
{
    private const string UnmaskedId = "440524188001010014";

    private static async Task<(TestDatabase T, int Id, int Version)> DraftWithIdAsync(string? body = null)
    {
        var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = "2024年第二季度低保对象公示",
            BodyHtml = body ?? $"<p>户主：张三，身份证号 {UnmaskedId}，保障人数 3 人。</p>",
            CategoryId = await t.CategoryIdAsync("新闻动态"),
            OfficeId = await t.OfficeIdAsync("综合办公室"),
            LegalBasis = "《最低生活保障审核确认办法》第十九条",
        }, staff);
        return (t, draft.NoticeId, draft.Version);
    }

    [Fact]
    public async Task Submit_WithUnmaskedId_IsRefusedUntilTheAuthorAcknowledges()
    {
        var (t, id, version) = await DraftWithIdAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version), staff));
        e.Code.ShouldBe("Privacy.FindingsOnSubmit");
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.Draft);

        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version, AcknowledgePrivacyFindings: true), staff);
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.InReview);
    }

    [Fact]
    public async Task Publish_WithUnmaskedId_NeedsAReasonWhichIsAuditedAndOnTheTimeline()
    {
        var (t, id, version) = await DraftWithIdAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        version = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version, true), staff);
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);

        var e = await Should.ThrowAsync<DomainException>(() => t.DecideAsync(officer, id, version, NoticeAction.Publish));
        e.Code.ShouldBe("Privacy.FindingsOnPublish");
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.Approved);

        await t.DecideAsync(officer, id, version, NoticeAction.Publish, reason: "依法须公开全部身份信息（测试）");
        var notice = await t.LoadAsync(id);
        notice.State.ShouldBe(NoticeState.Published);
        notice.Events.Single(ev => ev.Action == NoticeAction.Publish).Reason.ShouldBe("依法须公开全部身份信息（测试）");
        await using var db = t.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Notice.PrivacyOverride");
        audit.Details.ShouldNotBeNull();
        audit.Details.ShouldContain("440524********0014");
        audit.Details.ShouldNotContain(UnmaskedId);
    }

    [Fact]
    public async Task SchedulePublish_WithUnmaskedId_NeedsAReasonWhichIsOnTheTimelineWhenTheSchedulerPublishes()
    {
        var (t, id, version) = await DraftWithIdAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        version = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version, true), staff);
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);
        var at = t.Clock.GetUtcNow().UtcDateTime.AddHours(2);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<DecideNotice>().HandleAsync(
            new DecideNotice.Command(id, version, NoticeAction.Schedule, ScheduledAtUtc: at), officer));
        e.Code.ShouldBe("Privacy.FindingsOnPublish");
        await t.Get<DecideNotice>().HandleAsync(
            new DecideNotice.Command(id, version, NoticeAction.Schedule, Reason: "依法须公开全部身份信息（测试）", ScheduledAtUtc: at), officer);
        t.Clock.Advance(TimeSpan.FromHours(2));
        (await t.Get<XiheWorkflow.Core.Jobs.PublicitySweep>().RunAsync()).Published.ShouldBe(1);

        var details = (await t.Get<NoticeQueries>().DetailsAsync(id, officer)).ShouldNotBeNull();
        details.State.ShouldBe(NoticeState.Published);
        var schedule = details.Events.Single(ev => ev.Action == NoticeAction.Schedule);
        schedule.Reason.ShouldNotBeNull();
        schedule.Reason.ShouldStartWith("定于");
        schedule.Reason.ShouldEndWith("发布；依法须公开全部身份信息（测试）");
        var publish = details.Events.Single(ev => ev.Action == NoticeAction.Publish);
        publish.ActorName.ShouldBe("系统");
        publish.Reason.ShouldBe("依法须公开全部身份信息（测试）");
        await using var db = t.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "Notice.PrivacyOverride")).Reason.ShouldBe("依法须公开全部身份信息（测试）");
    }

    [Fact]
    public async Task SchedulePublish_WithoutFindings_TheSchedulerPublishesWithoutAReason()
    {
        var (t, id, version) = await DraftWithIdAsync("<p>村务公开栏更新。</p>");
        await using var _ = t;
        version = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version), await t.DemoActorAsync("staff"));
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(id, version, NoticeAction.Schedule,
            ScheduledAtUtc: t.Clock.GetUtcNow().UtcDateTime.AddHours(1)), officer);
        t.Clock.Advance(TimeSpan.FromHours(1));
        (await t.Get<XiheWorkflow.Core.Jobs.PublicitySweep>().RunAsync()).Published.ShouldBe(1);

        var notice = await t.LoadAsync(id);
        notice.Events.Single(ev => ev.Action == NoticeAction.Publish).Reason.ShouldBeNull();
        notice.Events.Single(ev => ev.Action == NoticeAction.Schedule).Reason.ShouldNotBeNull().ShouldEndWith("发布");
    }

    [Fact]
    public async Task MaskText_ThenSave_ClearsTheFindingAndLeavesOnlyTheMaskedForm()
    {
        var (t, id, version) = await DraftWithIdAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var check = t.Get<NoticePrivacyCheck>();
        var notice = await t.LoadAsync(id);
        var (title, body) = check.MaskText(notice.Title, notice.BodyHtml);
        body.ShouldContain("440524********0014");
        body.ShouldNotContain(UnmaskedId);

        await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id, ExpectedVersion = version, Title = title, BodyHtml = body, CategoryId = notice.CategoryId,
            OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis,
        }, staff);
        (await t.Get<NoticeQueries>().PrivacyFindingsAsync(id, staff)).ShouldBeEmpty();
        var saved = await t.LoadAsync(id);
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, saved.Version), staff);
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.InReview);
    }

    [Fact]
    public async Task Scan_NumberSplitByFormattingTags_IsStillFound()
    {
        var (t, id, _) = await DraftWithIdAsync("<p>身份证号 440524<b>18800101</b>0014</p>");
        await using var __ = t;
        var findings = await t.Get<NoticeQueries>().PrivacyFindingsAsync(id, await t.DemoActorAsync("staff"));
        findings.ShouldHaveSingleItem().Kind.ShouldBe(FindingKind.ResidentId);
    }

    [Fact]
    public async Task MaskText_NumberSplitByFormattingTags_IsMaskedInPlaceKeepingTheTags()
    {
        var (t, id, version) = await DraftWithIdAsync("<p>身份证号 440524<b>18800101</b>0014，电话 138<em>1234</em>5678</p>");
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var notice = await t.LoadAsync(id);
        var (title, body) = t.Get<NoticePrivacyCheck>().MaskText(notice.Title, notice.BodyHtml);
        body.ShouldBe("<p>身份证号 440524<b>********</b>0014，电话 138<em>****</em>5678</p>");

        await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id, ExpectedVersion = version, Title = title, BodyHtml = body, CategoryId = notice.CategoryId,
            OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis,
        }, staff);
        (await t.Get<NoticeQueries>().PrivacyFindingsAsync(id, staff)).ShouldBeEmpty();
        (await t.LoadAsync(id)).BodyHtml.ShouldContain("<b>********</b>");
    }

    [Fact]
    public async Task MaskText_DigitsWrittenAsEntities_AreMaskedAndTheScanThenFindsNothing()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: false);
        var check = t.Get<NoticePrivacyCheck>();
        const string body = "<p>身份证号&nbsp;4405&#50;4<span>1880&#x30;101</span>0&#48;14</p><p>手机&#49;3812345678。</p>";
        var before = await check.ScanAsync(new NoticeContent { Title = "公示", BodyHtml = body });
        before.Select(f => f.Masked).ShouldBe(["440524********0014", "138****5678"]);

        var (_, masked) = check.MaskText("公示", body);
        masked.ShouldBe("<p>身份证号&nbsp;4405&#50;4<span>********</span>0&#48;14</p><p>手机&#49;38****5678。</p>");
        (await check.ScanAsync(new NoticeContent { Title = "公示", BodyHtml = masked })).ShouldBeEmpty();
    }

    [Fact]
    public void MaskText_OrdinaryNumbers_KeepTheFirstSixAndLastFour_FirstThreeAndLastFour_LastFour()
    {
        var check = new NoticePrivacyCheck(null!, null!, TimeProvider.System);
        var (title, body) = check.MaskText("张三 13812345678",
            "<h2>名单</h2><table><tr><td>张三</td><td>440524188001010014</td><td>138-1234-5678</td></tr></table>"
            + "<p>卡号：6222021234567890128；另一张 6222 0212 3456 7890 128。</p>");
        title.ShouldBe("张三 138****5678");
        body.ShouldBe("<h2>名单</h2><table><tr><td>张三</td><td>440524********0014</td><td>138-****-5678</td></tr></table>"
            + "<p>卡号：***************0128；另一张 **** **** **** ***0 128。</p>");
    }

    [Fact]
    public async Task Scan_AttachmentsSpreadsheetAndImage_AreFindingsWithTheirPlace()
    {
        var (t, id, version) = await DraftWithIdAsync("<p>名单见附件。</p>");
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var store = t.Get<AttachmentStore>();
        var csv = await store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes($"姓名,电话\n李四,13812345678\n")), "名单.csv", 40);
        var png = await store.SaveAsync(new MemoryStream([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), "公示照片.png", 11);
        var notice = await t.LoadAsync(id);
        await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id, ExpectedVersion = version, Title = notice.Title, BodyHtml = notice.BodyHtml, CategoryId = notice.CategoryId,
            OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis, Attachments = [csv, png],
        }, staff);

        var findings = await t.Get<NoticeQueries>().PrivacyFindingsAsync(id, staff);
        findings.ShouldContain(f => f.Part == NoticePart.Attachment && f.FileName == "名单.csv" && f.Kind == FindingKind.Mobile && f.Masked == "138****5678");
        findings.ShouldContain(f => f.Part == NoticePart.Attachment && f.FileName == "公示照片.png" && f.Kind == FindingKind.Unreadable);
    }
}

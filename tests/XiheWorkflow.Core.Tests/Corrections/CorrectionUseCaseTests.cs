using System.Text;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Core.Tests.Publicity;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Corrections;

/// <summary>更正 and 说明 on a real SQLite file, through the use cases the pages call.</summary>
public class CorrectionUseCaseTests
{
    /// <summary>Monday 2024-05-13 10:00 Shanghai: three days into a window published on 2024-05-10.</summary>
    private static readonly DateTimeOffset Monday = new(2024, 5, 13, 2, 0, 0, TimeSpan.Zero);

    private static SaveCorrection.Command From(Notice n, string body, string note, bool material) => new()
    {
        NoticeId = n.Id, Title = n.Title, BodyHtml = body, LegalBasis = n.LegalBasis, DocumentNumber = n.DocumentNumber,
        Channels = [.. n.Channels], Attachments = [.. n.Attachments], Note = note, Material = material,
    };

    [Fact]
    public async Task MaterialCorrectionDuringPublicity_RestartsTheWindow_AndThePublicSeesTheNewTextWithItsNote()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var staff2 = await t.DemoActorAsync("staff2");
        var officer = await t.DemoActorAsync("officer");
        var publicNotices = t.Get<PublicNotices>();
        (await publicNotices.FindAsync(id)).Notice!.To.ShouldBe(new DateOnly(2024, 5, 16));

        t.Clock.SetUtcNow(Monday);
        var notice = await t.LoadAsync(id);
        await t.Get<SaveCorrection>().HandleAsync(From(notice, "<p>经村民代表会议评议，拟将以下6户家庭纳入最低生活保障。</p>",
            "原公示遗漏户数，现补充为6户", material: true), staff2);
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), staff2);

        // In review: the public still reads the published text, and nothing about the correction.
        var during = (await publicNotices.FindAsync(id)).Notice!;
        during.BodyHtml.ShouldNotContain("6户");
        (await publicNotices.AmendmentsAsync([id]))[id].Corrections.ShouldBeEmpty();
        (await t.Get<NoticeQueries>().CorrectionQueueAsync(officer)).Select(q => q.NoticeId).ShouldContain(id);

        await t.DecideAsync(officer, id, null, NoticeAction.ApproveCorrection);

        var after = (await publicNotices.FindAsync(id)).Notice!;
        after.BodyHtml!.ShouldContain("6户");
        after.State.ShouldBe(NoticeState.InPublicity);
        after.From.ShouldBe(new DateOnly(2024, 5, 13));
        after.To.ShouldBe(new DateOnly(2024, 5, 19));
        var correction = (await publicNotices.AmendmentsAsync([id]))[id].Corrections.Single();
        correction.Note.ShouldBe("原公示遗漏户数，现补充为6户");
        correction.WindowRestarted.ShouldBeTrue();
        var loaded = await t.LoadAsync(id);
        loaded.CurrentRevision.ShouldBe(2);
        loaded.PublicityEndsAtUtc.ShouldBe(new DateTime(2024, 5, 19, 16, 0, 0, DateTimeKind.Utc));
        (await t.AuditOfAsync(id)).Select(a => a.Action).ShouldContain("Notice.ApproveCorrection");

        // The old end passes without closing the restarted window.
        t.Clock.SetUtcNow(PublicityKit.WindowEnd.AddHours(1));
        await t.Get<XiheWorkflow.Core.Jobs.PublicitySweep>().RunAsync(default);
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.InPublicity);
    }

    [Fact]
    public async Task RosterCorrection_PublishesTheCorrectedRosterOnlyWhenApproved_RejectGivesThePublishedOneBack()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff2 = await t.DemoActorAsync("staff2");
        var officer = await t.DemoActorAsync("officer");
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = "2024年5月临时救助名单公示", BodyHtml = "<p>名单如下。</p>", CategoryId = await t.CategoryIdAsync("低保公示"),
            OfficeId = await t.OfficeIdAsync("民生服务中心"), LegalBasis = "《社会救助暂行办法》",
        }, staff2);
        await AttachAsync(t, draft.NoticeId, staff2, "户主姓名,保障金额（元/月）\n马晓丽,280\n曹福,350\n");
        var sv = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, null), staff2);
        sv = await t.DecideAsync(await t.DemoActorAsync("leader"), draft.NoticeId, sv, NoticeAction.Approve);
        sv = await t.DecideAsync(officer, draft.NoticeId, sv, NoticeAction.Approve);
        await t.DecideAsync(officer, draft.NoticeId, sv, NoticeAction.Publish);
        var notice = await t.LoadAsync(draft.NoticeId);
        var publicNotices = t.Get<PublicNotices>();

        // A roster of a published notice cannot be touched without a correction.
        await Should.ThrowAsync<DomainException>(() => AttachAsync(t, notice.Id, staff2, "户主姓名,保障金额（元/月）\n马晓丽,300\n"));

        await t.Get<SaveCorrection>().HandleAsync(From(notice, notice.BodyHtml, "马晓丽保障金额由280元更正为300元", material: false), staff2);
        await AttachAsync(t, notice.Id, staff2, "户主姓名,保障金额（元/月）\n马晓丽,300\n曹福,350\n");
        (await publicNotices.RosterAsync(notice.Id))!.Rows[0][1].ShouldBe("280");
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(notice.Id, null), staff2);
        await t.DecideAsync(officer, notice.Id, null, NoticeAction.RejectCorrection, "金额核实无误，不需更正");
        (await publicNotices.RosterAsync(notice.Id))!.Rows[0][1].ShouldBe("280");
        (await t.Get<NoticeQueries>().RosterAsync(notice.Id, staff2, correction: true))!.Roster.Rows[0][1].ShouldBe("280");

        await t.Get<SaveCorrection>().HandleAsync(From(notice, notice.BodyHtml, "马晓丽保障金额由280元更正为300元", material: false), staff2);
        await AttachAsync(t, notice.Id, staff2, "户主姓名,保障金额（元/月）\n马晓丽,300\n曹福,350\n");
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(notice.Id, null), staff2);
        await t.DecideAsync(officer, notice.Id, null, NoticeAction.ApproveCorrection);

        (await publicNotices.RosterAsync(notice.Id))!.Rows[0][1].ShouldBe("300");
        var comparison = await t.Get<NoticeQueries>().CompareRevisionsAsync(notice.Id, 1, 2, officer);
        comparison.ShouldNotBeNull();
        (await t.LoadAsync(notice.Id)).Corrections.Select(c => c.Status).ShouldBe([CorrectionStatus.Rejected, CorrectionStatus.Published]);
    }

    [Fact]
    public async Task CorrectionWithAnUnmaskedId_OrWithoutAnyChange_IsRefused_AndNothingIsPublished()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var staff2 = await t.DemoActorAsync("staff2");
        var notice = await t.LoadAsync(id);

        await t.Get<SaveCorrection>().HandleAsync(From(notice, notice.BodyHtml, "无变化", material: false), staff2);
        (await Should.ThrowAsync<DomainException>(() => t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), staff2)))
            .Code.ShouldBe("Correction.NoChange");

        await t.Get<SaveCorrection>().HandleAsync(From(notice, "<p>马晓丽，身份证号640422199710098285。</p>", "补充身份证号", material: false), staff2);
        (await Should.ThrowAsync<DomainException>(() => t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), staff2)))
            .Code.ShouldBe("Privacy.FindingsOnSubmit");
        (await t.Get<NoticeQueries>().CorrectionPrivacyFindingsAsync(id, staff2)).ShouldNotBeEmpty();

        var loaded = await t.LoadAsync(id);
        loaded.OpenCorrection!.Status.ShouldBe(CorrectionStatus.Draft);
        loaded.CurrentRevision.ShouldBe(1);
    }

    [Fact]
    public async Task CorrectionCarryingAPhoto_IsSubmittedOnceConfirmed_AndPublishedOnlyWithTheReviewersReason()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var staff2 = await t.DemoActorAsync("staff2");
        var officer = await t.DemoActorAsync("officer");
        // A photo of the notice board cannot be read, so it is always a finding; the notice must still be correctable.
        var photo = await t.Get<AttachmentStore>().SaveAsync(new MemoryStream([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), "公开栏照片.png", 11);
        var notice = await t.LoadAsync(id);
        var command = From(notice, "<p>更正后的正文。</p>", "正文有误，附公开栏照片", material: false);
        command.Attachments = [.. notice.Attachments, photo];
        await t.Get<SaveCorrection>().HandleAsync(command, staff2);

        (await Should.ThrowAsync<DomainException>(() => t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), staff2)))
            .Code.ShouldBe("Privacy.FindingsOnSubmit");
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null, AcknowledgePrivacyFindings: true), staff2);
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(officer, id, null, NoticeAction.ApproveCorrection)))
            .Code.ShouldBe("Privacy.FindingsOnPublish");
        (await t.LoadAsync(id)).CurrentRevision.ShouldBe(1);

        await t.DecideAsync(officer, id, null, NoticeAction.ApproveCorrection, "照片为公开栏张贴实景，无个人信息。");

        var corrected = await t.LoadAsync(id);
        corrected.CurrentRevision.ShouldBe(2);
        corrected.Attachments.ShouldContain(a => a.FileName == "公开栏照片.png");
        await using var db = t.NewContext();
        var overrideEntry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "Notice.PrivacyOverride" && a.EntityId == id.ToString());
        overrideEntry.Reason.ShouldBe("照片为公开栏张贴实景，无个人信息。");
        overrideEntry.Revision.ShouldBe(2);
        overrideEntry.Details.ShouldContain("公开栏照片.png");
    }

    [Fact]
    public async Task OfficersOwnCorrection_GoesToTheSupervisingLeader()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var officer = await t.DemoActorAsync("officer");
        var leader = await t.DemoActorAsync("leader");
        var notice = await t.LoadAsync(id);
        await t.Get<SaveCorrection>().HandleAsync(From(notice, "<p>更正后的正文。</p>", "正文有误", material: false), officer);
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), officer);

        (await t.Get<NoticeQueries>().CorrectionQueueAsync(officer)).ShouldBeEmpty();
        (await t.Get<NoticeQueries>().CorrectionQueueAsync(leader)).Select(q => q.NoticeId).ShouldBe([id]);
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(officer, id, null, NoticeAction.ApproveCorrection)))
            .Code.ShouldBe("Workflow.WrongStageRole");
        await t.DecideAsync(leader, id, null, NoticeAction.ApproveCorrection);
        (await t.LoadAsync(id)).BodyHtml.ShouldBe("<p>更正后的正文。</p>");
    }

    [Fact]
    public async Task Clarification_AppearsBesideThePublicNotice()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var officer = await t.DemoActorAsync("officer");
        await t.DecideAsync(officer, id, null, NoticeAction.Clarify, "名单中“家庭人口”含户主本人。");

        var amendments = (await t.Get<PublicNotices>().AmendmentsAsync([id]))[id];
        amendments.Clarifications.Single().Text.ShouldBe("名单中“家庭人口”含户主本人。");
        var staff2 = await t.DemoActorAsync("staff2");
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(staff2, id, null, NoticeAction.Clarify, "x")))
            .Code.ShouldBe("Auth.RoleRequired");
    }

    private static Task AttachAsync(TestDatabase t, int id, Actor actor, string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return t.Get<EditRoster>().AttachAsync(id, new MemoryStream(bytes), "名单.csv", bytes.Length, actor);
    }
}

using System.Text;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Core.Tests.Publicity;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Channels;

/// <summary>
/// Every channel output is made from the revision the public sees (approved corrections included, a
/// correction in draft or review never) and carries only what the privacy guard left.
/// </summary>
public class ChannelOutputsTests
{
    private const string UnmaskedId = "440524188001010014";
    private const string MaskedId = "440524********0014";
    private const string UnmaskedMobile = "13812345678";

    [Fact]
    public async Task EveryOutput_WhileACorrectionIsInReview_IsThePublishedText_OnceApproved_TheCorrectedOne()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("硝河乡养老服务补贴发放公告", "<p>2024年5月10日起发放养老服务补贴，每人每月350元。</p>",
            Channel.NoticeBoard, Channel.WeChat, Channel.Loudspeaker);
        await t.DraftCorrectionAsync(id, "硝河乡养老服务补贴发放公告（更正）", "<p>2024年5月10日起发放养老服务补贴，每人每月400元。</p>",
            "补贴标准由每人每月350元更正为400元", Channel.NoticeBoard, Channel.WeChat, Channel.Loudspeaker, Channel.Weibo);
        await t.SubmitCorrectionAsync(id);
        var officer = await t.DemoActorAsync("officer");

        var during = await t.AllOutputsAsync(id);
        foreach (var (name, text) in during)
        {
            text.ShouldNotContain("（更正）", customMessage: name);
            text.ShouldNotContain("400", customMessage: name);
        }
        during["broadcast"].ShouldContain("每人每月三百五十元。");
        (await t.Get<PostingQueries>().ForNoticeAsync(id, officer)).Select(s => s.Channel).ShouldNotContain(Channel.Weibo);

        await t.ApproveCorrectionAsync(id);

        var after = await t.AllOutputsAsync(id);
        foreach (var (name, text) in after.Where(o => o.Key != "screen"))
        {
            text.ShouldNotContain("350", customMessage: name);
            text.ShouldNotContain("三百五十", customMessage: name);
        }
        after["docx"].ShouldStartWith("硝河乡养老服务补贴发放公告（更正）");
        after["docx"].ShouldContain("每人每月400元");
        after["wechat"].ShouldContain("每人每月400元");
        after["weibo"].ShouldContain("【硝河乡养老服务补贴发放公告（更正）】");
        after["broadcast"].ShouldContain("每人每月四百元。");
        (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl))!.Revision.ShouldBe(2);
        // The posting record follows the corrected channels too: 微博 is now one to post on.
        (await t.Get<PostingQueries>().ForNoticeAsync(id, officer)).Select(s => s.Channel).ShouldContain(Channel.Weibo);
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(id, Channel.Weibo, PostingStatus.Posted, Link: "https://weibo.com/1"), officer);
        (await t.Get<PostingQueries>().ForNoticeAsync(id, officer)).Single(s => s.Channel == Channel.Weibo).Record!.Revision.ShouldBe(2);
    }

    [Fact]
    public async Task EveryOutput_AfterACorrectionMaskingALeakedId_IsApproved_HasOnlyTheMaskedForm()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        // Published with the numbers in it: the officer overrode the privacy guard (PublishedAsync gives a reason).
        var rawBody = $"<p>申请人王某，身份证号{UnmaskedId}，电话{UnmaskedMobile}。</p>";
        var id = await t.PublishedAsync("低保申请受理公告", rawBody, Channel.NoticeBoard, Channel.WeChat, Channel.Weibo, Channel.Loudspeaker);
        (await t.AllOutputsAsync(id))["docx"].ShouldContain(UnmaskedId);
        var (_, masked) = t.Get<NoticePrivacyCheck>().MaskText("低保申请受理公告", rawBody);
        await t.DraftCorrectionAsync(id, "低保申请受理公告", masked, "遮盖申请人身份证号和电话");
        await t.SubmitCorrectionAsync(id);

        await t.ApproveCorrectionAsync(id);

        var outputs = await t.AllOutputsAsync(id);
        foreach (var (name, text) in outputs)
        {
            text.ShouldNotContain(UnmaskedId, customMessage: name);
            text.ShouldNotContain(UnmaskedMobile, customMessage: name);
        }
        outputs["docx"].ShouldContain(MaskedId);
        outputs["wechat"].ShouldContain(MaskedId);
        outputs["broadcast"].ShouldContain("（号码已隐去）");
    }

    [Fact]
    public async Task EveryOutput_WhenTheApprovedRevisionWasMasked_ContainsOnlyTheMaskedForm()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var rawBody = $"<p>申请人王某，身份证号{UnmaskedId}，电话{UnmaskedMobile}。</p>";
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = "低保申请受理公示", BodyHtml = rawBody, Channels = [Channel.NoticeBoard, Channel.WeChat, Channel.Loudspeaker],
            CategoryId = await t.CategoryIdAsync("新闻动态"), OfficeId = await t.OfficeIdAsync("综合办公室"), LegalBasis = "条例",
        }, staff);
        var v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version, true), staff);
        await t.DecideAsync(await t.DemoActorAsync("leader"), draft.NoticeId, v, NoticeAction.Return, reason: "请遮盖身份证号和电话");
        var returned = await t.LoadAsync(draft.NoticeId);
        var (title, body) = t.Get<NoticePrivacyCheck>().MaskText(returned.Title, returned.BodyHtml);
        var saved = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = draft.NoticeId, ExpectedVersion = returned.Version, Title = title, BodyHtml = body, CategoryId = returned.CategoryId,
            OfficeId = returned.OfficeId, LegalBasis = returned.LegalBasis, Channels = returned.Channels,
        }, staff);
        v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, saved.Version), staff);
        await t.ApproveAndPublishAsync(draft.NoticeId, v);
        // A correction drafted with the raw number back in it reaches no channel (it could not even be submitted).
        await t.DraftCorrectionAsync(draft.NoticeId, "低保申请受理公示", rawBody, "补充申请人信息");

        var outputs = await t.AllOutputsAsync(draft.NoticeId);

        foreach (var (name, text) in outputs)
        {
            text.ShouldNotContain(UnmaskedId, customMessage: name);
            text.ShouldNotContain(UnmaskedMobile, customMessage: name);
        }
        outputs["docx"].ShouldContain(MaskedId);
        outputs["wechat"].ShouldContain(MaskedId);
        outputs["broadcast"].ShouldContain("（号码已隐去）");
    }

    [Fact]
    public async Task PublicityLine_OfAWindowRunningIntoAYearWithoutItsHolidayNotice_IsFlaggedProvisionalInEveryOutputThatShowsIt()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var known = await t.PublishedPublicityAsync("2024年5月城乡低保拟保对象公示");
        // 28 December 2026: a 7-day window ends in 2027, whose holiday arrangement the calendar does not know.
        t.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 2, 0, 0, TimeSpan.Zero));
        var provisional = await t.PublishedPublicityAsync("2026年12月临时救助对象公示");

        (await t.LoadAsync(provisional)).PublicityProvisional.ShouldBeTrue();
        var outputs = await t.AllOutputsAsync(provisional);
        var sheet = (await t.Get<ChannelOutputs>().SheetAsync(provisional, null, ChannelTestKit.BaseUrl))!;
        sheet.PublicityText.ShouldBe("公示期：2026年12月28日至2027年1月3日（按周末推算，官方放假安排公布后可能调整）");
        foreach (var name in new[] { "docx", "wechat", "screen" }) outputs[name].ShouldContain("按周末推算", customMessage: name);
        (await t.Get<ChannelOutputs>().SheetAsync(known, null, ChannelTestKit.BaseUrl))!.PublicityText.ShouldNotContain("按周末推算");
    }

    [Fact]
    public async Task Roster_IsOnTheSheetDocxAndWeChatMasked_CountedOnTheLoudspeaker_NeverOnTheScreen_AndLeavesWithThePublicPage()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await PublishedWithRosterAsync(t, $"户主姓名,保障金额（元/月）,备注\n马晓丽,280,身份证{UnmaskedId}\n曹福,350,\n");

        var sheet = (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl))!;
        var outputs = await t.AllOutputsAsync(id);

        sheet.Roster!.Rows.Select(r => r[0]).ShouldBe(["马晓丽", "曹福"]);
        foreach (var (name, text) in outputs) text.ShouldNotContain(UnmaskedId, customMessage: name);
        outputs["docx"].ShouldContain("名单（共2人）户主姓名保障金额（元/月）备注马晓丽280身份证" + MaskedId + "曹福350");
        outputs["wechat"].ShouldContain($"<td style=\"border:1px solid #999;padding:4px 6px;\">身份证{MaskedId}</td>");
        outputs["wechat"].ShouldNotContain("class=");
        outputs["broadcast"].ShouldContain("名单共二人，详见公开栏。");
        outputs["broadcast"].ShouldNotContain("马晓丽");
        outputs["screen"].ShouldContain("拟将以下家庭纳入最低生活保障");
        outputs["screen"].ShouldNotContain("马晓丽");

        // The public page drops the list Xihe:RosterPublicDays (30) after the window ends (2024-05-16); so does every channel.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 15, 2, 0, 0, TimeSpan.Zero));
        await t.Get<XiheWorkflow.Core.Jobs.PublicitySweep>().RunAsync(default);
        (await t.AllOutputsAsync(id))["docx"].ShouldContain("马晓丽");
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 16, 2, 0, 0, TimeSpan.Zero));
        (await t.Get<PublicNotices>().RosterAsync(id)).ShouldBeNull();
        var later = await t.AllOutputsAsync(id);
        (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl))!.Roster.ShouldBeNull();
        foreach (var (name, text) in later) text.ShouldNotContain("马晓丽", customMessage: name);
        later["broadcast"].ShouldNotContain("名单共");
    }

    [Fact]
    public async Task Roster_RemovedByAnApprovedCorrection_LeavesThePublicPageAndEveryChannel()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await PublishedWithRosterAsync(t, "户主姓名,保障金额（元/月）\n马晓丽,280\n");
        var staff2 = await t.DemoActorAsync("staff2");
        var notice = await t.LoadAsync(id);
        await t.DraftCorrectionAsync(id, notice.Title, "<p>经村民代表会议评议，名单另行公示。</p>", "名单另行公示");
        await t.Get<EditRoster>().RemoveAsync(id, staff2);
        await t.SubmitCorrectionAsync(id);
        (await t.AllOutputsAsync(id))["wechat"].ShouldContain("马晓丽");

        await t.ApproveCorrectionAsync(id);

        (await t.Get<PublicNotices>().RosterAsync(id)).ShouldBeNull();
        foreach (var (name, text) in await t.AllOutputsAsync(id)) text.ShouldNotContain("马晓丽", customMessage: name);
    }

    /// <summary>A 低保 公示 by staff2 with the roster attached, its numbers masked by 一键遮盖, published on 2024-05-10.</summary>
    private static async Task<int> PublishedWithRosterAsync(TestDatabase t, string csv)
    {
        var staff2 = await t.DemoActorAsync("staff2");
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = "2024年5月城乡低保拟保对象公示", BodyHtml = "<p>经村民代表会议评议，拟将以下家庭纳入最低生活保障。</p>",
            CategoryId = await t.CategoryIdAsync("低保公示"), OfficeId = await t.OfficeIdAsync("民生服务中心"),
            LegalBasis = "《最低生活保障审核确认办法》第十九条", Channels = [Channel.NoticeBoard, Channel.WeChat, Channel.Loudspeaker],
        }, staff2);
        var bytes = Encoding.UTF8.GetBytes(csv);
        await t.Get<EditRoster>().AttachAsync(draft.NoticeId, new MemoryStream(bytes), "名单.csv", bytes.Length, staff2);
        await t.Get<EditRoster>().MaskAsync(draft.NoticeId, staff2);
        var v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, null), staff2);
        v = await t.DecideAsync(await t.DemoActorAsync("leader"), draft.NoticeId, v, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        v = await t.DecideAsync(officer, draft.NoticeId, v, NoticeAction.Approve);
        await t.DecideAsync(officer, draft.NoticeId, v, NoticeAction.Publish);
        return draft.NoticeId;
    }

    [Fact]
    public async Task Sheet_WithSettingsFromAdmin_CarriesObjectionLineAndSignature()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await t.Get<ChannelSettingsStore>().SaveAsync(new ChannelSettings("0954-7012345", "xhx@example.cn", "西吉县硝河乡人民政府"),
            await t.DemoActorAsync("admin"));
        var id = await t.PublishedAsync("关于春季防火的通告", "<p>请勿野外用火。</p>", Channel.NoticeBoard, Channel.Loudspeaker);

        var sheet = (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl))!;
        var outputs = await t.AllOutputsAsync(id);

        sheet.PublicUrl.ShouldBe($"{ChannelTestKit.BaseUrl}/public/notices/{id}");
        sheet.PublicityText.ShouldBeNull();
        outputs["docx"].ShouldContain("监督电话：0954-7012345；监督邮箱：xhx@example.cn");
        outputs["docx"].ShouldEndWith("西吉县硝河乡人民政府2024年5月10日");
        outputs["broadcast"].ShouldContain("请拨打监督电话〇九五四七〇幺二三四五。");
        outputs["broadcast"].ShouldContain("西吉县硝河乡人民政府，二〇二四年五月十日。");
    }

    [Fact]
    public async Task Sheet_NoticeNotPublished_IsNull()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, _) = await t.SubmittedAsync(await t.DemoActorAsync("staff"));

        (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveSettings_ByStaff_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);

        await Should.ThrowAsync<Domain.Common.DomainException>(() => t.Get<ChannelSettingsStore>()
            .SaveAsync(new ChannelSettings("123", "", "硝河乡人民政府"), t.DemoActorAsync("staff").Result));
    }
}

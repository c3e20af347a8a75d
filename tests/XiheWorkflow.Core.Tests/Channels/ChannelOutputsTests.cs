using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Channels;

/// <summary>Every channel output is made from the approved revision and carries only what the privacy guard left.</summary>
public class ChannelOutputsTests
{
    private const string UnmaskedId = "440524188001010014";
    private const string MaskedId = "440524********0014";
    private const string UnmaskedMobile = "13812345678";

    [Fact]
    public async Task EveryOutput_AfterALaterUnapprovedRevision_ComesFromTheApprovedRevision()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("硝河乡养老服务补贴发放公告", "<p>2024年5月10日起发放养老服务补贴，每人每月350元。</p>",
            Channel.NoticeBoard, Channel.WeChat, Channel.Weibo, Channel.Loudspeaker);
        await t.AddUnapprovedRevisionAsync(id, "更正稿标题", "<p>更正稿：每人每月400元。</p>");

        var outputs = await t.AllOutputsAsync(id);

        foreach (var (name, text) in outputs)
        {
            text.ShouldNotContain("更正稿", customMessage: name);
            text.ShouldNotContain("400", customMessage: name);
        }
        outputs["docx"].ShouldContain("硝河乡养老服务补贴发放公告");
        outputs["docx"].ShouldContain("每人每月350元");
        outputs["wechat"].ShouldContain("每人每月350元");
        outputs["weibo"].ShouldContain("【硝河乡养老服务补贴发放公告】");
        outputs["broadcast"].ShouldContain("二〇二四年五月十日起发放养老服务补贴，每人每月三百五十元。");
        (await t.Get<ChannelOutputs>().SheetAsync(id, null, ChannelTestKit.BaseUrl))!.Revision.ShouldBe(1);
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
        // A correction that brings the raw number back must not reach any channel before it is approved.
        await t.AddUnapprovedRevisionAsync(draft.NoticeId, "低保申请受理公示", rawBody);

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

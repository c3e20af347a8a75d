using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Channels;

/// <summary>Posting records per channel, what is still missing, and the report's section 一 counted from them.</summary>
public class PostingTests
{
    [Fact]
    public async Task Report_NoticeOnThreeChannelsPostedOnTwo_CountsTwiceAndEqualsThePostingRecords()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("硝河乡养老服务补贴申领指南", "<p>指南正文。</p>", Channel.WeChat, Channel.Weibo, Channel.NoticeBoard);
        var officer = await t.DemoActorAsync("officer");
        var record = t.Get<RecordPosting>();
        await record.HandleAsync(new RecordPosting.Command(id, Channel.WeChat, PostingStatus.Posted, Link: "https://mp.weixin.qq.com/s/abc",
            Form: ContentForm.TextImage, Origin: ContentOrigin.SelfEdited), officer);
        await record.HandleAsync(new RecordPosting.Command(id, Channel.NoticeBoard, PostingStatus.Posted), await t.DemoActorAsync("staff"));

        var report = await t.Get<BuildAnnualReport>().HandleAsync(2024, officer);
        var statuses = await t.Get<PostingQueries>().ForNoticeAsync(id, officer);

        report.Publishing.ByChannel.Values.Sum().ShouldBe(2);
        report.Publishing.ByChannel[Channel.WeChat].ShouldBe(1);
        report.Publishing.ByChannel[Channel.NoticeBoard].ShouldBe(1);
        report.Publishing.ByChannel[Channel.Weibo].ShouldBe(0);
        report.Publishing.WeChatByForm[ContentForm.TextImage].ShouldBe(1);
        report.Publishing.WeChatByOrigin[ContentOrigin.SelfEdited].ShouldBe(1);
        await using var db = t.NewContext();
        report.Publishing.ByChannel.Values.Sum().ShouldBe(db.NoticePostings.Count(p => p.Status == PostingStatus.Posted));
        statuses.Where(s => s.Missing).Select(s => s.Channel).ShouldBe([Channel.Weibo]);
    }

    [Fact]
    public async Task Report_PostingDateInNextYear_CountsInThatYearAndNotAsMarkedNotNeeded()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("年末通知", "<p>正文。</p>", Channel.NoticeBoard, Channel.Loudspeaker);
        var officer = await t.DemoActorAsync("officer");
        t.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 3, 2, 0, 0, TimeSpan.Zero));
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(id, Channel.NoticeBoard, PostingStatus.Posted, PostedOn: new DateOnly(2025, 1, 2)), officer);
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(id, Channel.Loudspeaker, PostingStatus.NotNeeded, Reason: "本村无大喇叭"), officer);

        var build = t.Get<BuildAnnualReport>();
        (await build.HandleAsync(2024, officer)).Publishing.ByChannel.Values.Sum().ShouldBe(0);
        var next = await build.HandleAsync(2025, officer);
        next.Publishing.ByChannel[Channel.NoticeBoard].ShouldBe(1);
        next.Publishing.ByChannel[Channel.Loudspeaker].ShouldBe(0);
    }

    [Fact]
    public async Task Unposted_NoticePublishedButPostedNowhere_IsListed()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var quiet = await t.PublishedAsync("无人张贴的通知", "<p>正文。</p>", Channel.NoticeBoard);
        var posted = await t.PublishedAsync("已张贴的通知", "<p>正文。</p>", Channel.NoticeBoard);
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(posted, Channel.NoticeBoard, PostingStatus.Posted), await t.DemoActorAsync("officer"));

        var unposted = await t.Get<PostingQueries>().UnpostedAsync(2024);

        unposted.Select(u => u.NoticeId).ShouldBe([quiet]);
    }

    [Fact]
    public async Task Overdue_ChannelMissingAfterOneWorkingDay_IsListedOnlyThen()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        // Published Friday 10 May 2024; Saturday 11 May was a working day (调休 for 劳动节), so it is the one allowed.
        var id = await t.PublishedAsync("限期张贴的通知", "<p>正文。</p>", Channel.NoticeBoard, Channel.WeChat);
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(id, Channel.WeChat, PostingStatus.Posted,
            Form: ContentForm.Text, Origin: ContentOrigin.Forwarded), await t.DemoActorAsync("officer"));
        var queries = t.Get<PostingQueries>();

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 11, 9, 0, 0, TimeSpan.Zero));
        (await queries.OverdueAsync()).ShouldBeEmpty();
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 13, 1, 0, 0, TimeSpan.Zero));
        var overdue = (await queries.OverdueAsync()).ShouldHaveSingleItem();
        overdue.NoticeId.ShouldBe(id);
        overdue.Missing.ShouldBe([Channel.NoticeBoard]);
    }

    [Theory]
    [InlineData(Channel.Screen, null, "Posting.ChannelNotApproved")]
    [InlineData(Channel.WeChat, null, "Posting.WeChatNeedsFormAndOrigin")]
    [InlineData(Channel.NoticeBoard, "ftp://x", "Posting.LinkInvalid")]
    public async Task Record_InvalidPosting_IsRefused(Channel channel, string? link, string code)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("通知", "<p>正文。</p>", Channel.NoticeBoard, Channel.WeChat);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordPosting>().HandleAsync(
            new RecordPosting.Command(id, channel, PostingStatus.Posted, Link: link), t.DemoActorAsync("officer").Result));

        e.Code.ShouldBe(code);
    }

    [Fact]
    public async Task Record_SameChannelTwice_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedAsync("通知", "<p>正文。</p>", Channel.NoticeBoard);
        var officer = await t.DemoActorAsync("officer");
        await t.Get<RecordPosting>().HandleAsync(new RecordPosting.Command(id, Channel.NoticeBoard, PostingStatus.Posted), officer);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordPosting>().HandleAsync(
            new RecordPosting.Command(id, Channel.NoticeBoard, PostingStatus.NotNeeded, Reason: "重复"), officer));

        e.Code.ShouldBe("Posting.AlreadyRecorded");
    }
}

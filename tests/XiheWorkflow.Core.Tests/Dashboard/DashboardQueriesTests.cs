using XiheWorkflow.Domain.Channels;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Dashboard;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Tests.Dashboard;

/// <summary>
/// 统计看板 on the demo database plus comments, applications and imported notices made here; every
/// expected figure is computed in the test from the entities themselves, not by the dashboard's queries.
/// </summary>
public class DashboardQueriesTests : IAsyncLifetime
{
    private TestDatabase _t = default!;
    private static readonly DashboardFilter Year2024 = new(2024);

    public async Task InitializeAsync()
    {
        _t = await TestDatabase.CreateAsync(seedDemo: true, demoNotices: true);
        await using var db = _t.NewContext();
        var notices = await db.Notices.Where(n => n.State != NoticeState.Draft).ToListAsync();
        var office = await _t.OfficeIdAsync("综合办公室");
        var category = await _t.CategoryIdAsync("新闻动态");
        var published = notices.First(n => n.State == NoticeState.Published);
        var received = new DateTime(2024, 4, 22, 2, 0, 0, DateTimeKind.Utc);
        // An objection long unanswered, one answered the next day, one answered a month later, one still open but recent.
        db.Comments.Add(Comment.Record(published.Id, CommentSource.Phone, CommentKind.Objection, "名单有误", "马海军", "13895412345", received, null, "张明"));
        var inTime = Comment.Record(published.Id, CommentSource.Letter, CommentKind.Suggestion, "建议补充", "李四", null, received, null, "张明");
        inTime.Respond(CommentStatus.Answered, "已补充。", null, "x", "马晓梅", received.AddDays(1));
        var late = Comment.Record(published.Id, CommentSource.Visit, CommentKind.Inquiry, "何时发放", null, null, received, null, "张明");
        late.Respond(CommentStatus.Answered, "五月底。", null, "x", "马晓梅", received.AddDays(30));
        db.Comments.AddRange(inTime, late);
        db.Comments.Add(Comment.Record(published.Id, CommentSource.Online, CommentKind.Objection, "有异议", null, null,
            _t.Clock.GetUtcNow().UtcDateTime.AddHours(-1), null, "张明"));
        db.Applications.Add(new DisclosureApplication("XH-T-1", ApplicantType.NaturalPerson, ApplicationChannel.InPerson, new DateOnly(2024, 3, 1), "低保名单", "13895412345", "马海军"));
        db.Applications.Add(new DisclosureApplication("XH-T-2", ApplicantType.NaturalPerson, ApplicationChannel.InPerson, new DateOnly(2024, 4, 9), "补贴", null, "王五"));
        db.Applications.Add(new DisclosureApplication("XH-T-3", ApplicantType.Business, ApplicationChannel.Online, new DateOnly(2024, 5, 9), "预算", null, null));
        db.Applications.Add(DisclosureApplication.Import("XH-T-4", ApplicantType.NaturalPerson, ApplicationChannel.Mail, new DateOnly(2024, 2, 1), "旧",
            ApplicationOutcome.Disclosed, new DateOnly(2024, 2, 20)));
        db.HistoricalNotices.Add(new HistoricalNotice("H-1", "2024年春耕生产通知", office, category, NoticeKind.News,
            [Channel.WeChat, Channel.PlatformNews], ContentForm.Video, ContentOrigin.SelfEdited, new DateOnly(2024, 3, 5), null, DateTime.UtcNow));
        db.HistoricalNotices.Add(new HistoricalNotice("H-2", "2023年旧闻", office, category, NoticeKind.News,
            [Channel.WeChat], ContentForm.Text, ContentOrigin.Forwarded, new DateOnly(2023, 3, 5), null, DateTime.UtcNow));
        // Channel figures count posting records: besides the demo's own, one more published notice is posted
        // on every channel it names (WeChat as a video, self-edited); another is marked not needed on its first.
        var alreadyPosted = await db.NoticePostings.Select(p => p.NoticeId).Distinct().ToListAsync();
        var toPost = notices.First(n => n.State == NoticeState.Published && !alreadyPosted.Contains(n.Id));
        foreach (var channel in toPost.Channels)
        {
            db.NoticePostings.Add(NoticePosting.Posted(toPost.Id, channel, 1, new DateOnly(2024, 4, 22), null, null,
                channel == Channel.WeChat ? ContentForm.Video : null, channel == Channel.WeChat ? ContentOrigin.SelfEdited : null, "x", "马晓梅", received));
        }
        var other = notices.First(n => n.State == NoticeState.Published && n.Id != toPost.Id);
        var otherPosted = await db.NoticePostings.Where(p => p.NoticeId == other.Id).Select(p => p.Channel).ToListAsync();
        db.NoticePostings.Add(NoticePosting.NotNeeded(other.Id, Enum.GetValues<Channel>().First(c => !otherPosted.Contains(c)), 1, "本月无需", "x", "马晓梅", received));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private DashboardQueries Queries => _t.Get<DashboardQueries>();

    [Fact]
    public async Task Overview_DemoData_StateFiguresMatchTheNoticesThemselves()
    {
        var head = await _t.DemoActorAsync("head");
        var view = await Queries.OverviewAsync(Year2024, head);

        await using var db = _t.NewContext();
        var open = (await db.Notices.AsNoTracking().ToListAsync()).Where(n => DashboardQueries.OpenStates.Contains(n.State)).ToList();
        var expected = open.GroupBy(n => (n.State, n.CurrentStage?.Role)).ToDictionary(g => g.Key, g => g.Count());
        view.Now.States.ToDictionary(s => (s.State, s.StageRole), s => s.Count).ShouldBe(expected, ignoreOrder: true);
        view.Now.States.Sum(s => s.Count).ShouldBe(open.Count);
        view.AllOffices.ShouldBeTrue();
    }

    [Fact]
    public async Task Overview_PublicationsByChannel_CountEachChannelOnceAndIncludeImported()
    {
        var view = await Queries.OverviewAsync(Year2024, await _t.DemoActorAsync("head"));

        await using var db = _t.NewContext();
        var live = (await db.Notices.AsNoTracking().ToListAsync()).Where(n => n.PublishedAtUtc is { } p && ChinaTime.DateOf(p).Year == 2024).ToList();
        var old = (await db.HistoricalNotices.AsNoTracking().ToListAsync()).Where(n => n.PublishedOn.Year == 2024).ToList();
        var posted = (await db.NoticePostings.AsNoTracking().ToListAsync())
            .Where(p => p.Status == PostingStatus.Posted && p.PostedOn is { Year: 2024 }).ToList();
        var postings = posted.Select(p => p.Channel).Concat(old.SelectMany(n => n.Channels)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        view.Year.Published.ShouldBe(live.Count + old.Count);
        view.Year.ByMonthAndChannel.GroupBy(x => x.Channel).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)).ShouldBe(postings, ignoreOrder: true);
        view.Year.ByOffice.Sum(o => o.Count).ShouldBe(live.Count + old.Count);
        view.Year.WeChatByForm.Single(f => f.Key == ContentForm.Video).Count
            .ShouldBe(posted.Count(p => p.Channel == Channel.WeChat && p.Form == ContentForm.Video) + 1);
        view.Year.WeChatByOrigin.Sum(o => o.Count).ShouldBe(posted.Count(p => p.Channel == Channel.WeChat) + 1);
    }

    [Fact]
    public async Task Overview_CommentsOfOneOfficeOrCategoryOrOwnScope_CountOnlyTheirNotices()
    {
        await using var db = _t.NewContext();
        var comments = await db.Comments.AsNoTracking().ToListAsync();
        var notices = await db.Notices.AsNoTracking().ToDictionaryAsync(n => n.Id);
        comments.ShouldNotBeEmpty();
        var office = notices[comments[0].NoticeId].OfficeId;
        var otherOffice = notices.Values.Select(n => n.OfficeId).First(o => o != office);
        var officeComments = comments.Count(c => notices[c.NoticeId].OfficeId == office);
        var category = notices[comments[0].NoticeId].CategoryId;

        var head = await _t.DemoActorAsync("head");
        (await Queries.OverviewAsync(Year2024 with { OfficeId = office }, head)).Year.CommentsReceived.ShouldBe(officeComments);
        (await Queries.OverviewAsync(Year2024 with { OfficeId = otherOffice }, head)).Year.CommentsReceived
            .ShouldBe(comments.Count(c => notices[c.NoticeId].OfficeId == otherOffice));
        (await Queries.OverviewAsync(Year2024 with { CategoryId = category }, head)).Year.CommentsReceived
            .ShouldBe(comments.Count(c => notices[c.NoticeId].CategoryId == category));
        var staff = await _t.DemoActorAsync("staff");
        (await Queries.OverviewAsync(Year2024, staff)).Year.CommentsReceived
            .ShouldBe(comments.Count(c => notices[c.NoticeId].OfficeId == staff.OfficeId));
    }

    [Fact]
    public async Task Overview_PolicyDocumentWithoutInterpretation_IsListedAsMissing()
    {
        var view = await Queries.OverviewAsync(Year2024, await _t.DemoActorAsync("head"));

        await using var db = _t.NewContext();
        var documents = (await db.Notices.AsNoTracking().ToListAsync())
            .Where(n => n.PublishedAtUtc is not null && n.Kind is NoticeKind.NormativeDocument or NoticeKind.Policy).ToList();
        documents.ShouldNotBeEmpty();
        view.Year.Targets.PolicyDocuments.ShouldBe(documents.Count);
        view.Year.Targets.Missing.Select(m => m.Title).ShouldBe(documents.Select(d => d.Title), ignoreOrder: true);
        view.Year.Targets.CoverageRate.ShouldBe(0);
    }

    [Fact]
    public async Task Overview_CommentsAndObjections_CountedByTheirAnswerDates()
    {
        var view = await Queries.OverviewAsync(Year2024, await _t.DemoActorAsync("head"));

        var calendar = await _t.Get<CalendarProvider>().GetAsync();
        await using var db = _t.NewContext();
        var comments = await db.Comments.AsNoTracking().ToListAsync();
        var today = ChinaTime.DateOf(_t.Clock.GetUtcNow().UtcDateTime);
        DateOnly Due(Comment c) => calendar.AddWorkdays(ChinaTime.DateOf(c.ReceivedAtUtc), 5);
        view.Year.CommentsReceived.ShouldBe(comments.Count);
        view.Year.CommentsAnsweredInTime.ShouldBe(comments.Count(c => c.AnsweredAtUtc is { } a && ChinaTime.DateOf(a) <= Due(c)));
        view.Year.CommentsAnsweredLate.ShouldBe(1);
        view.Now.OpenObjections.ShouldBe(comments.Count(c => c.IsOpenObjection));
        view.Now.OverdueObjections.ShouldBe(comments.Count(c => c.IsOpenObjection && Due(c) < today));
        view.Now.OverdueObjections.ShouldBe(1);
    }

    [Fact]
    public async Task Overview_Applications_AgreeWithTheRegister()
    {
        var head = await _t.DemoActorAsync("head");
        var view = await Queries.OverviewAsync(Year2024, head);

        var register = _t.Get<ApplicationQueries>();
        view.Now.ApplicationsOverdue.ShouldBe((await register.ListAsync(ApplicationFilter.Overdue, head)).Count);
        view.Now.ApplicationsDueSoon.ShouldBe((await register.ListAsync(ApplicationFilter.DueSoon, head)).Count);
        view.Now.ApplicationsOverdue!.Value.ShouldBeGreaterThan(0);
        view.Year.ApplicationsReceived.ShouldBe(4);
        view.Year.ApplicationsByOutcome!.Single().ShouldBe(new CountBy<ApplicationOutcome>(ApplicationOutcome.Disclosed, 1));
    }

    [Fact]
    public async Task Overview_Staff_SeesOnlyTheirOwnOfficeAndNoApplications()
    {
        var staff2 = await _t.DemoActorAsync("staff2");
        var view = await Queries.OverviewAsync(Year2024, staff2);

        await using var db = _t.NewContext();
        var own = await _t.OfficeIdAsync("民生服务中心");
        var notices = (await db.Notices.AsNoTracking().ToListAsync()).Where(n => n.OfficeId == own).ToList();
        view.AllOffices.ShouldBeFalse();
        view.SeesApplications.ShouldBeFalse();
        view.Now.ApplicationsOverdue.ShouldBeNull();
        view.Offices.Select(o => o.Id).ShouldBe([own]);
        view.Now.States.Sum(s => s.Count).ShouldBe(notices.Count(n => DashboardQueries.OpenStates.Contains(n.State)));
        view.Year.Published.ShouldBe(notices.Count(n => n.PublishedAtUtc is not null));
        view.Year.ByOffice.ShouldAllBe(o => o.Id == own);
        view.Now.OpenObjections.ShouldBe(0);
    }

    [Fact]
    public async Task Overview_SupervisingLeader_SeesTheOfficesTheySupervise()
    {
        var leader = await _t.DemoActorAsync("leader");
        var view = await Queries.OverviewAsync(Year2024, leader);

        await using var db = _t.NewContext();
        var supervised = await db.Users.Where(u => u.Id == leader.UserId).SelectMany(u => u.SupervisedOffices).Select(o => o.Id).ToListAsync();
        view.Offices.Select(o => o.Id).ShouldBe(supervised, ignoreOrder: true);
        var published = (await db.Notices.AsNoTracking().ToListAsync()).Count(n => n.PublishedAtUtc is not null && supervised.Contains(n.OfficeId))
            + (await db.HistoricalNotices.AsNoTracking().ToListAsync()).Count(n => n.PublishedOn.Year == 2024 && supervised.Contains(n.OfficeId));
        view.Year.Published.ShouldBe(published);
    }

    [Fact]
    public async Task Overview_OfficeFilter_NarrowsEveryNoticeFigure()
    {
        var office = await _t.OfficeIdAsync("民生服务中心");
        var view = await Queries.OverviewAsync(Year2024 with { OfficeId = office }, await _t.DemoActorAsync("head"));

        view.Year.ByOffice.ShouldAllBe(o => o.Id == office);
        view.ByOffice.ShouldAllBe(o => o.OfficeId == office);
        view.Now.OpenObjections.ShouldBe(0);
    }

    [Fact]
    public async Task Overview_ByOffice_CountsSubmissionsReturnsAndReviewRounds()
    {
        var view = await Queries.OverviewAsync(Year2024, await _t.DemoActorAsync("head"));

        await using var db = _t.NewContext();
        var notices = await db.Notices.AsNoTracking().Include(n => n.Events).ToListAsync();
        foreach (var office in view.ByOffice)
        {
            var mine = notices.Where(n => n.OfficeId == office.OfficeId).ToList();
            office.Submissions.ShouldBe(mine.Sum(n => n.Events.Count(e => e.Action == NoticeAction.Submit)));
            office.Returns.ShouldBe(mine.Sum(n => n.Events.Count(e => e.Action == NoticeAction.Return)));
            office.Reviewed.ShouldBe(mine.Sum(n => n.Events.Count(e => e.Action == NoticeAction.Approve && e.ToState == NoticeState.Approved)));
        }
        view.ByOffice.Sum(o => o.Reviewed).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Overview_ChannelFilter_CountsOnlyNoticesNamingThatChannel()
    {
        var view = await Queries.OverviewAsync(Year2024 with { Channel = Channel.WeChat }, await _t.DemoActorAsync("head"));

        await using var db = _t.NewContext();
        var notices = (await db.Notices.AsNoTracking().ToListAsync()).Where(n => n.Channels.Contains(Channel.WeChat)).ToList();
        var old = (await db.HistoricalNotices.AsNoTracking().ToListAsync()).Where(n => n.PublishedOn.Year == 2024 && n.Channels.Contains(Channel.WeChat)).ToList();
        notices.Count(n => n.PublishedAtUtc is not null).ShouldBeGreaterThan(0);
        view.Year.Published.ShouldBe(notices.Count(n => n.PublishedAtUtc is { } p && ChinaTime.DateOf(p).Year == 2024) + old.Count);
        view.Now.States.Sum(s => s.Count).ShouldBe(notices.Count(n => DashboardQueries.OpenStates.Contains(n.State)));
        view.Year.ByMonthAndChannel.ShouldAllBe(x => x.Channel == Channel.WeChat);
    }

    [Fact]
    public async Task Overview_Timeliness_JudgesEachNoticeByItsCategorysLimit_AsTheNoticePageDoes()
    {
        // One published notice formed two months before publication; one in review formed two months ago;
        // one in review formed 12 working days ago whose category Admin set to a 5-working-day limit
        // (late under 5, on time under the default 20).
        var today = ChinaTime.DateOf(_t.Clock.GetUtcNow().UtcDateTime);
        var calendar = await _t.Get<CalendarProvider>().GetAsync();
        int strictCategory;
        await using (var db = _t.NewContext())
        {
            var published = await db.Notices.FirstAsync(n => n.State == NoticeState.Published);
            db.Entry(published).Property(n => n.FormedOn).CurrentValue = ChinaTime.DateOf(published.PublishedAtUtc!.Value).AddMonths(-2);
            var inReview = await db.Notices.Where(n => n.State == NoticeState.InReview).OrderBy(n => n.Id).ToListAsync();
            inReview.Count.ShouldBeGreaterThan(1);
            db.Entry(inReview[0]).Property(n => n.FormedOn).CurrentValue = today.AddMonths(-2);
            var recent = inReview.First(n => n.CategoryId != inReview[0].CategoryId);
            var formed = today;
            while (calendar.WorkdaysBetween(formed, today) < 12) formed = formed.AddDays(-1);
            db.Entry(recent).Property(n => n.FormedOn).CurrentValue = formed;
            strictCategory = recent.CategoryId;
            var category = await db.Categories.SingleAsync(c => c.Id == strictCategory);
            db.Entry(category).Property(c => c.TimelinessLimitDays).CurrentValue = 5;
            await db.SaveChangesAsync();
        }
        var head = await _t.DemoActorAsync("head");
        var view = await Queries.OverviewAsync(Year2024, head);

        await using var check = _t.NewContext();
        var limits = await check.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.TimelinessLimitDays);
        limits.Values.Distinct().Count().ShouldBeGreaterThan(1);
        var notices = await check.Notices.AsNoTracking().ToListAsync();
        // Written out here rather than through Timeliness: late when the day is after the limit's last working day.
        bool Late(DateOnly formed, int limit, DateOnly day) => day > calendar.AddWorkdays(formed, limit);
        var late = notices.Count(n => n.PublishedAtUtc is { } p && ChinaTime.DateOf(p).Year == 2024 && n.FormedOn is { } f
            && Late(f, limits[n.CategoryId], ChinaTime.DateOf(p)));
        var lateUnpublished = notices.Where(n => n.State is NoticeState.InReview or NoticeState.Approved or NoticeState.Returned && n.FormedOn is { } f
            && Late(f, limits[n.CategoryId], today)).ToList();
        late.ShouldBeGreaterThan(0);
        lateUnpublished.ShouldContain(n => n.CategoryId == strictCategory);
        view.Year.LatePublished.ShouldBe(late);
        view.Now.LateUnpublished.ShouldBe(lateUnpublished.Count);
        (await Queries.ListAsync(DashboardMetric.LatePublished, Year2024, head)).Count.ShouldBe(late);
        (await Queries.ListAsync(DashboardMetric.LateUnpublished, Year2024, head)).Select(r => r.Id)
            .ShouldBe(lateUnpublished.Select(n => n.Id), ignoreOrder: true);
    }

    [Theory]
    [InlineData(DashboardMetric.Published)]
    [InlineData(DashboardMetric.OpenObjections)]
    [InlineData(DashboardMetric.OverdueObjections)]
    [InlineData(DashboardMetric.CommentsReceived)]
    [InlineData(DashboardMetric.CommentsInTime)]
    [InlineData(DashboardMetric.CommentsLate)]
    [InlineData(DashboardMetric.CommentsOpen)]
    [InlineData(DashboardMetric.Reviewed)]
    [InlineData(DashboardMetric.ReviewedOnTime)]
    [InlineData(DashboardMetric.ApplicationsOverdue)]
    [InlineData(DashboardMetric.ApplicationsReceived)]
    [InlineData(DashboardMetric.MissingInterpretation)]
    [InlineData(DashboardMetric.Submissions)]
    [InlineData(DashboardMetric.ReviewsOverLimit)]
    [InlineData(DashboardMetric.WindowsClosingToday)]
    [InlineData(DashboardMetric.WindowsClosingSoon)]
    public async Task List_EveryMetric_HasAsManyRowsAsItsNumber(string metric)
    {
        var head = await _t.DemoActorAsync("head");
        var view = await Queries.OverviewAsync(Year2024, head);
        var rows = await Queries.ListAsync(metric, Year2024, head);

        int expected = metric switch
        {
            DashboardMetric.Published => view.Year.Published,
            DashboardMetric.OpenObjections => view.Now.OpenObjections,
            DashboardMetric.OverdueObjections => view.Now.OverdueObjections,
            DashboardMetric.CommentsReceived => view.Year.CommentsReceived,
            DashboardMetric.CommentsInTime => view.Year.CommentsAnsweredInTime,
            DashboardMetric.CommentsLate => view.Year.CommentsAnsweredLate,
            DashboardMetric.CommentsOpen => view.Year.CommentsOpen,
            DashboardMetric.Reviewed => view.ByOffice.Sum(o => o.Reviewed),
            DashboardMetric.ReviewedOnTime => view.ByOffice.Sum(o => o.OnTime),
            DashboardMetric.ApplicationsOverdue => view.Now.ApplicationsOverdue!.Value,
            DashboardMetric.ApplicationsReceived => view.Year.ApplicationsReceived!.Value,
            DashboardMetric.MissingInterpretation => view.Year.Targets.Missing.Count,
            DashboardMetric.Submissions => view.ByOffice.Sum(o => o.Submissions),
            DashboardMetric.WindowsClosingToday => view.Now.WindowsClosingToday,
            DashboardMetric.WindowsClosingSoon => view.Now.WindowsClosingSoon,
            _ => view.Now.ReviewsOverLimit.Sum(r => r.Count),
        };
        rows.Count.ShouldBe(expected);
    }

    [Fact]
    public async Task List_Objections_MaskTheCommentersContact()
    {
        var rows = await Queries.ListAsync(DashboardMetric.OpenObjections, Year2024, await _t.DemoActorAsync("head"));

        rows.ShouldContain(r => r.Contact != null);
        rows.ShouldAllBe(r => r.Contact == null || !r.Contact.Contains("13895412345"));
        rows.ShouldAllBe(r => r.Person == null || !r.Person.Contains("马海军"));
    }

    [Fact]
    public async Task Export_Csv_HasHeaderAndMaskedRows()
    {
        var (content, type, name) = await _t.Get<DashboardExport>().HandleAsync(DashboardMetric.ApplicationsReceived, Year2024, null,
            DashboardExport.Format.Csv, await _t.DemoActorAsync("head"));

        var text = System.Text.Encoding.UTF8.GetString(content);
        type.ShouldStartWith("text/csv");
        name.ShouldEndWith(".csv");
        text.ShouldContain("联系方式");
        text.ShouldContain("XH-T-1");
        text.ShouldNotContain("13895412345");
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
    }

    [Fact]
    public async Task ChangeFeed_CommentSaved_RaisesOnceAndReferenceDataDoesNot()
    {
        var notifier = _t.Services.GetService(typeof(ChangeNotifier)) as ChangeNotifier;
        var raised = 0;
        notifier!.Changed += () => Interlocked.Increment(ref raised);
        await using var db = _t.NewContext();
        var noticeId = await db.Notices.Select(n => n.Id).FirstAsync();

        db.Comments.Add(Comment.Record(noticeId, CommentSource.Phone, CommentKind.Suggestion, "好", null, null, DateTime.UtcNow, null, "张明"));
        await db.SaveChangesAsync();
        raised.ShouldBe(1);

        db.Offices.Add(new Office("测试办公室", 99));
        await db.SaveChangesAsync();
        raised.ShouldBe(1);
    }

    [Theory]
    [InlineData("关于印发《硝河乡村级公益事业建设一事一议筹资筹劳管理办法》的通知", "《硝河乡村级公益事业建设一事一议筹资筹劳管理办法》政策解读", true)]
    [InlineData("关于进一步规范村级事务管理的意见", "关于进一步规范村级事务管理的意见（政策解读）", true)]
    [InlineData("关于进一步规范村级事务管理的意见", "一图读懂养老补贴", false)]
    public void Covers_ByNameInTitle(string document, string interpretation, bool covers) =>
        PolicyInterpretation.Covers(document, null, 1, interpretation, 1).ShouldBe(covers);

    [Fact]
    public void Covers_OtherOffice_IsFalse() =>
        PolicyInterpretation.Covers("关于进一步规范村级事务管理的意见", null, 1, "关于进一步规范村级事务管理的意见（政策解读）", 2).ShouldBeFalse();
}

using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Tests.Requests;

public class ApplicationRegisterTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static void Today(TestDatabase t, string day) =>
        t.Clock.SetUtcNow(new DateTimeOffset(D(day).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    private static async Task<RegisterApplication.Result> RegisterAsync(TestDatabase t, Actor officer, string receivedOn,
        ApplicationChannel channel = ApplicationChannel.InPerson) =>
        await t.Get<RegisterApplication>().HandleAsync(new RegisterApplication.Command
        {
            ApplicantType = ApplicantType.NaturalPerson,
            Channel = channel,
            ReceivedOn = D(receivedOn),
            ApplicantName = "马海军",
            Contact = "13895412345",
            Request = "2024年度硝河村低保资金发放情况",
        }, officer);

    private static Task<int> StepAsync(TestDatabase t, Actor officer, int id, int version, ApplicationStep step, string on,
        string? dueOn = null, int days = 20, string? approvedBy = null, string? notifiedOn = null) =>
        t.Get<RecordApplicationStep>().HandleAsync(new RecordApplicationStep.Command
        {
            ApplicationId = id, Version = version, Step = step, On = D(on),
            SupplementDueOn = dueOn is null ? null : D(dueOn), ExtensionDays = days, ApprovedBy = approvedBy,
            ApplicantNotifiedOn = notifiedOn is null ? null : D(notifiedOn),
        }, officer);

    private static async Task<ApplicationRow> RowAsync(TestDatabase t, Actor actor, int id) =>
        (await t.Get<ApplicationQueries>().DetailsAsync(id, actor))!.Row;

    [Fact]
    public async Task RegisterExtendReply_ReceivedBeforeNationalDay_DueDatesFollowTheHolidayAndTheReplyClosesIt()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-09-29");

        var registered = await RegisterAsync(t, officer, "2025-09-26");
        registered.Reference.ShouldBe("XH-2025-001");
        var row = await RowAsync(t, officer, registered.Id);
        row.Deadline!.DueDate.ShouldBe(D("2025-10-30"));

        Today(t, "2025-10-21");
        var version = await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.Extend, "2025-10-20",
            days: 20, approvedBy: "王建国", notifiedOn: "2025-10-21");
        row = await RowAsync(t, officer, registered.Id);
        row.Deadline!.DueDate.ShouldBe(OfficialCalendar.Shipped.AddWorkdays(D("2025-10-30"), 20));
        row.Deadline.Reasons.ShouldContain(r => r.Contains("经批准延期20个工作日"));

        Today(t, "2025-11-10");
        await t.Get<ReplyApplication>().HandleAsync(new ReplyApplication.Command
        {
            ApplicationId = registered.Id, Version = version, Outcome = ApplicationOutcome.Disclosed, RepliedOn = D("2025-11-10"),
        }, officer);

        await using var db = t.NewContext();
        var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == registered.Id);
        stored.Outcome.ShouldBe(ApplicationOutcome.Disclosed);
        stored.ClosedOn.ShouldBe(D("2025-11-10"));
        stored.Events.Single().ApplicantNotifiedOn.ShouldBe(D("2025-10-21"));
        stored.Events.Single().ApprovedBy.ShouldBe("王建国");
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Application").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        audit.ShouldBe(["Application.Registered", "Application.Extend", "Application.Replied"]);
    }

    [Fact]
    public async Task RequestSupplement_WithinSevenDays_StopsTheClockUntilTheSupplementArrives()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-06-12");
        var registered = await RegisterAsync(t, officer, "2025-06-09");

        var version = await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.RequestSupplement, "2025-06-11", dueOn: "2025-06-25");
        var paused = await RowAsync(t, officer, registered.Id);
        paused.Deadline!.DueDate.ShouldBeNull();
        paused.Deadline.Pause.ShouldBe(ClockPause.AwaitingSupplement);

        Today(t, "2025-06-17");
        await StepAsync(t, officer, registered.Id, version, ApplicationStep.ReceiveSupplement, "2025-06-16");
        var restarted = await RowAsync(t, officer, registered.Id);
        restarted.Deadline!.DueDate.ShouldBe(OfficialCalendar.Shipped.AddWorkdays(D("2025-06-16"), 20));
    }

    [Fact]
    public async Task Consultation_WorkingDaysSpentAreNotCounted()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-06-18");
        var registered = await RegisterAsync(t, officer, "2025-06-09");

        var version = await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.StartConsultation, "2025-06-11");
        (await RowAsync(t, officer, registered.Id)).Deadline!.Pause.ShouldBe(ClockPause.Consultation);
        await StepAsync(t, officer, registered.Id, version, ApplicationStep.EndConsultation, "2025-06-18");

        var row = await RowAsync(t, officer, registered.Id);
        row.Deadline!.Pause.ShouldBe(ClockPause.None);
        row.Deadline.DueDate.ShouldBe(OfficialCalendar.Shipped.AddWorkdays(D("2025-06-09"), 25));
    }

    [Fact]
    public async Task ReplyNoSupplement_BeforeTheSupplementDeadline_IsRefusedAndAfterItClosesAsAbandoned()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-06-12");
        var registered = await RegisterAsync(t, officer, "2025-06-09");
        var version = await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.RequestSupplement, "2025-06-11", dueOn: "2025-06-25");
        var reply = t.Get<ReplyApplication>();

        var early = await Should.ThrowAsync<DomainException>(() => reply.HandleAsync(new ReplyApplication.Command
        {
            ApplicationId = registered.Id, Version = version, Outcome = ApplicationOutcome.OtherNoSupplement, RepliedOn = D("2025-06-12"),
        }, officer));
        early.Code.ShouldBe("Application.SupplementNotYetDue");

        Today(t, "2025-06-30");
        await reply.HandleAsync(new ReplyApplication.Command
        {
            ApplicationId = registered.Id, Version = version, Outcome = ApplicationOutcome.OtherNoSupplement, RepliedOn = D("2025-06-30"),
        }, officer);
        (await RowAsync(t, officer, registered.Id)).Outcome.ShouldBe(ApplicationOutcome.OtherNoSupplement);
    }

    [Fact]
    public async Task Step_WithAStaleVersion_IsRefusedAndNothingIsStored()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-06-13");
        var registered = await RegisterAsync(t, officer, "2025-06-09");
        await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.StartConsultation, "2025-06-10");

        var stale = await Should.ThrowAsync<DomainException>(() =>
            StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.Extend, "2025-06-13", approvedBy: "王建国", notifiedOn: "2025-06-13"));

        stale.Code.ShouldBe("Application.Stale");
        (await t.Get<ApplicationQueries>().DetailsAsync(registered.Id, officer))!.Events.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("staff")]
    public async Task Register_NotTheDisclosureOfficer_IsRefused(string userName)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var actor = await t.DemoActorAsync(userName);

        var refused = await Should.ThrowAsync<DomainException>(() => RegisterAsync(t, actor, "2024-05-06"));

        refused.Code.ShouldBe("Auth.RoleRequired");
        await using var db = t.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task List_OfficeHead_ReadsTheRegisterWithPersonalDataMasked()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var head = await t.DemoActorAsync("head");
        await RegisterAsync(t, officer, "2024-05-06");

        var asHead = (await t.Get<ApplicationQueries>().ListAsync(ApplicationFilter.Open, head)).Single();
        var asOfficer = (await t.Get<ApplicationQueries>().ListAsync(ApplicationFilter.Open, officer)).Single();

        asOfficer.Contact.ShouldBe("13895412345");
        asHead.Contact.ShouldBe("138****2345");
        asHead.ApplicantName.ShouldBe("马**");
        asHead.Deadline!.WorkingDaysLeft.ShouldBe(OfficialCalendar.Shipped.WorkdaysBetween(D("2024-05-10"), OfficialCalendar.Shipped.AddWorkdays(D("2024-05-06"), 20)));
    }

    [Fact]
    public async Task GenerateLetters_ContainTheApplicantAndTheDatesAndAreKeptWithTheApplication()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-10-21");
        var registered = await RegisterAsync(t, officer, "2025-09-26");
        var version = await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.Extend, "2025-10-20",
            days: 15, approvedBy: "王建国", notifiedOn: "2025-10-21");
        var generate = t.Get<GenerateLetter>();

        var extension = await generate.HandleAsync(registered.Id, LetterKind.ExtensionNotice, officer);
        var early = await Should.ThrowAsync<DomainException>(() => generate.HandleAsync(registered.Id, LetterKind.Reply, officer));
        early.Code.ShouldBe("Letter.NotReplied");
        await t.Get<ReplyApplication>().HandleAsync(new ReplyApplication.Command
        {
            ApplicationId = registered.Id, Version = version, Outcome = ApplicationOutcome.PartiallyDisclosed, RepliedOn = D("2025-10-21"),
        }, officer);
        var reply = await generate.HandleAsync(registered.Id, LetterKind.Reply, officer);

        var extensionText = string.Join("\n", await ParagraphsAsync(t, extension.Id, officer));
        extensionText.ShouldContain("延期答复告知书");
        extensionText.ShouldContain("马海军：");
        extensionText.ShouldContain("2025年9月26日");
        extensionText.ShouldContain("2025年10月30日"); // the deadline it could not meet
        extensionText.ShouldContain(ChinaTime.ChineseDate(OfficialCalendar.Shipped.AddWorkdays(D("2025-10-30"), 15)));
        extensionText.ShouldContain("王建国");
        var replyText = string.Join("\n", await ParagraphsAsync(t, reply.Id, officer));
        replyText.ShouldContain("部分公开");
        replyText.ShouldContain("2025年10月21日");
        replyText.ShouldNotContain("{");

        var details = await t.Get<ApplicationQueries>().DetailsAsync(registered.Id, officer);
        details!.Letters.Select(l => l.Kind).ShouldBe([LetterKind.ExtensionNotice, LetterKind.Reply]);
        (await t.Get<OpenLetter>().HandleAsync(reply.Id, await t.DemoActorAsync("staff"))).ShouldBeNull();
    }

    [Fact]
    public async Task SaveLetterTemplate_EditedText_IsUsedForTheNextLetter()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        Today(t, "2025-06-12");
        var registered = await RegisterAsync(t, officer, "2025-06-09");
        await StepAsync(t, officer, registered.Id, registered.Version, ApplicationStep.RequestSupplement, "2025-06-11", dueOn: "2025-06-25");

        await t.Get<SaveLetterTemplate>().HandleAsync(new SaveLetterTemplate.Command
        {
            Kind = LetterKind.SupplementNotice, Version = 0, Text = "{申请人}：\n请于{补正期限}前补正。\n{机关名称}\n{落款日期}",
        }, await t.DemoActorAsync("admin"));
        var letter = await t.Get<GenerateLetter>().HandleAsync(registered.Id, LetterKind.SupplementNotice, officer);

        var paragraphs = await ParagraphsAsync(t, letter.Id, officer);
        paragraphs.ShouldBe(["补正告知书", "马海军：", "请于2025年6月25日前补正。", "硝河乡人民政府", "2025年6月12日"]);
    }

    private static async Task<IReadOnlyList<string>> ParagraphsAsync(TestDatabase t, int letterId, Actor actor)
    {
        var opened = await t.Get<OpenLetter>().HandleAsync(letterId, actor);
        opened.ShouldNotBeNull();
        await using var content = opened.Value.Content;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        return LetterDocx.ReadParagraphs(buffer);
    }
}

using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Tests.Requests;

public class DisclosureApplicationStorageTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    [Fact]
    public async Task SaveAndReload_ClockEvents_ComeBackInOrderForTheClock()
    {
        await using var t = await TestDatabase.CreateAsync();
        var application = new DisclosureApplication("XH-2025-007", ApplicantType.Business, ApplicationChannel.Mail, D("2025-09-26"), "申请", "宁夏某公司 0954-1234567");
        application.RequestSupplement(D("2025-09-29"));
        application.ReceiveSupplement(D("2025-10-09"));
        application.StartConsultation(D("2025-10-13"));
        application.EndConsultation(D("2025-10-17"));
        application.GrantExtension(D("2025-10-20"), 15, "王建国");
        var expected = ApplicationClock.Compute(application.ClockEvents(), D("2025-10-21"), OfficialCalendar.Shipped);
        await using (var db = t.NewContext())
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        await using var read = t.NewContext();
        var stored = await read.Applications.SingleAsync(a => a.Reference == "XH-2025-007");

        stored.ClockEvents().ShouldBe(application.ClockEvents());
        stored.Events.Last().ApprovedBy.ShouldBe("王建国");
        stored.ApplicantContact.ShouldBe("宁夏某公司 0954-1234567");
        ApplicationClock.Compute(stored.ClockEvents(), D("2025-10-21"), OfficialCalendar.Shipped).DueDate.ShouldBe(expected.DueDate);
    }

    [Fact]
    public async Task Save_TwoEditorsAtOnce_SecondIsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using (var db = t.NewContext())
        {
            db.Applications.Add(new DisclosureApplication("XH-1", ApplicantType.NaturalPerson, ApplicationChannel.Online, D("2025-09-26"), "申请"));
            await db.SaveChangesAsync();
        }
        await using var first = t.NewContext();
        await using var second = t.NewContext();
        var a = await first.Applications.SingleAsync();
        var b = await second.Applications.SingleAsync();
        a.Close(ApplicationOutcome.Disclosed, D("2025-10-09"));
        b.Close(ApplicationOutcome.UnavailableNotHeld, D("2025-10-10"));

        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}

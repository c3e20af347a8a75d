using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Privacy;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

public enum ApplicationFilter { Open, DueSoon, Overdue, Closed, All }

public sealed record ApplicationRow(
    int Id, string Reference, ApplicantType ApplicantType, ApplicationChannel Channel, DateOnly ReceivedOn, string Request,
    string? ApplicantName, string? Contact, ApplicationOutcome? Outcome, DateOnly? ClosedOn, bool IsImported,
    ApplicationDeadline? Deadline, int Version)
{
    public bool IsOpen => Outcome is null;
    public bool IsDueSoon => Deadline is { DueDate: not null, IsOverdue: false, WorkingDaysLeft: <= ApplicationQueries.DueSoonDays };
}

public sealed record LetterRow(int Id, LetterKind Kind, string FileName, long Size, DateTime CreatedAtUtc, string CreatedBy);

public sealed record ApplicationDetails(ApplicationRow Row, IReadOnlyList<ApplicationEvent> Events, IReadOnlyList<LetterRow> Letters, bool CanChange);

/// <summary>
/// The register as the officer and the office head read it: each open application with its due
/// date, days left and why, computed now from <see cref="ApplicationClock"/> and the database's
/// calendar. The applicant's name and contact are personal data: only the officer sees them whole.
/// </summary>
public class ApplicationQueries(IDbContextFactory<XiheDbContext> contextFactory, CalendarProvider calendars, TimeProvider clock)
{
    /// <summary>Due within this many working days counts as "due soon" (the reminders use the same).</summary>
    public const int DueSoonDays = 3;

    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(ApplicationFilter filter, Actor actor, int? year = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireReader(actor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var query = db.Applications.AsNoTracking();
        query = filter switch
        {
            ApplicationFilter.Closed => query.Where(a => a.Outcome != null),
            ApplicationFilter.All => query,
            _ => query.Where(a => a.Outcome == null),
        };
        if (year is { } y) query = query.Where(a => a.ReceivedOn.Year == y || (a.ClosedOn != null && a.ClosedOn.Value.Year == y));
        var applications = await query.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var rows = applications.Select(a => ToRow(a, actor, calendar, today)).ToList();
        return filter switch
        {
            // 已逾期 also lists those whose supplement deadline passed: the officer closes them as 逾期不补正.
            ApplicationFilter.Overdue => rows.Where(r => r.Deadline is { IsOverdue: true } or { SupplementMissed: true }).ToList(),
            ApplicationFilter.DueSoon => rows.Where(r => r.IsDueSoon).ToList(),
            _ => rows,
        };
    }

    public async Task<ApplicationDetails?> DetailsAsync(int id, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireReader(actor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return null;
        var letters = await db.ApplicationLetters.AsNoTracking().Where(l => l.ApplicationId == id).OrderBy(l => l.Id)
            .Select(l => new LetterRow(l.Id, l.Kind, l.FileName, l.Size, l.CreatedAtUtc, l.CreatedBy)).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        return new ApplicationDetails(ToRow(application, actor, calendar, clock.Today()), application.Events, letters,
            actor.IsIn(Roles.DisclosureOfficer) && application.IsOpen);
    }

    private static ApplicationRow ToRow(DisclosureApplication a, Actor actor, Domain.Calendar.WorkingCalendar calendar, DateOnly today)
    {
        ApplicationDeadline? deadline = null;
        if (a.IsOpen)
        {
            // A date typed in the future must not hide the whole register: the clock is read as of that day.
            var asOf = a.ClockEvents().Max(e => e.Date) is var last && last > today ? last : today;
            deadline = ApplicationClock.Compute(a.ClockEvents(), asOf, calendar);
        }
        var officer = actor.IsIn(Roles.DisclosureOfficer);
        return new ApplicationRow(a.Id, a.Reference, a.ApplicantType, a.Channel, a.ReceivedOn, a.Request,
            officer ? a.ApplicantName : MaskName(a.ApplicantName), officer ? a.ApplicantContact : MaskContact(a.ApplicantContact),
            a.Outcome, a.ClosedOn, a.IsImported, deadline, a.Version);
    }

    public static string? MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? name : name.Length == 1 ? "*" : name[0] + new string('*', Math.Min(name.Length - 1, 3));

    public static string? MaskContact(string? contact)
    {
        if (string.IsNullOrWhiteSpace(contact)) return contact;
        var masked = PrivacyMasker.Mask(contact);
        return masked != contact ? masked : contact[..Math.Min(2, contact.Length)] + "****";
    }
}

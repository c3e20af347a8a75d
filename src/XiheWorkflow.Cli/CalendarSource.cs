using System.CommandLine;
using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Cli;

/// <summary>
/// Where calendar commands get their working calendar. For now the years shipped with the
/// release; once administrators can enter years in the database this is the one place to read
/// them (through <see cref="CliContext.BuildServices"/>), so commands do not change.
/// </summary>
public static class CalendarSource
{
    public static Task<WorkingCalendar> LoadAsync(ParseResult parse, CliContext cli, CancellationToken ct) =>
        Task.FromResult(OfficialCalendar.Shipped);
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Cli;

/// <summary>
/// Where calendar commands get their working calendar: the years in the database, as Admin keeps
/// them (the shipped years are seeded there), so the command line and the web app agree.
/// </summary>
public static class CalendarSource
{
    public static async Task<WorkingCalendar> LoadAsync(ParseResult parse, CliContext cli, CancellationToken ct)
    {
        await using var services = cli.BuildServices(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        return await services.GetRequiredService<CalendarProvider>().GetAsync(ct);
    }
}

using System.CommandLine;
using System.Globalization;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Cli.Commands;

public static class CalendarCommands
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create(CliContext cli)
    {
        var calendar = new Command("calendar", "Working days under the official holiday calendar (dates yyyy-MM-dd, China Standard Time)");

        var day = new Argument<string>("DATE") { Description = "Date, yyyy-MM-dd" };
        var isWorkday = new Command("is-workday", "Print true when DATE is a working day, else false") { day };
        isWorkday.SetAction(async (parse, ct) =>
        {
            var date = ParseDate(parse.GetValue(day), "DATE");
            var working = await CalendarSource.LoadAsync(parse, cli, ct);
            await WarnIfProvisional(cli, working, date, date);
            await cli.Out.WriteLineAsync(working.IsWorkday(date) ? "true" : "false");
            return XiheCli.Ok;
        });

        var start = new Argument<string>("DATE") { Description = "Start date, yyyy-MM-dd (not counted)" };
        var count = new Argument<string>("N") { Description = "Working days to add, 0 or more" };
        var addWorkdays = new Command("add-workdays", "Print the date N working days after DATE (DATE itself not counted; N = 0 prints DATE)") { start, count };
        addWorkdays.SetAction(async (parse, ct) =>
        {
            var date = ParseDate(parse.GetValue(start), "DATE");
            var n = ParseCount(parse.GetValue(count));
            var working = await CalendarSource.LoadAsync(parse, cli, ct);
            var result = working.AddWorkdays(date, n);
            await WarnIfProvisional(cli, working, date, result);
            await cli.Out.WriteLineAsync(Text(result));
            return XiheCli.Ok;
        });

        var from = new Argument<string>("FROM") { Description = "From date, yyyy-MM-dd (not counted)" };
        var to = new Argument<string>("TO") { Description = "To date, yyyy-MM-dd (counted)" };
        var between = new Command("workdays-between", "Print the number of working days in (FROM, TO]; negative when TO is before FROM") { from, to };
        between.SetAction(async (parse, ct) =>
        {
            var a = ParseDate(parse.GetValue(from), "FROM");
            var b = ParseDate(parse.GetValue(to), "TO");
            var working = await CalendarSource.LoadAsync(parse, cli, ct);
            await WarnIfProvisional(cli, working, a, b);
            await cli.Out.WriteLineAsync(working.WorkdaysBetween(a, b).ToString(CultureInfo.InvariantCulture));
            return XiheCli.Ok;
        });

        calendar.Subcommands.Add(isWorkday);
        calendar.Subcommands.Add(addWorkdays);
        calendar.Subcommands.Add(between);
        return calendar;
    }

    private static DateOnly ParseDate(string? value, string name) =>
        IsoDate.TryParse(value, out var date)
            ? date
            : throw new CliInputException($"{name} must be a date written yyyy-MM-dd, got '{value}'.");

    private static int ParseCount(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new CliInputException($"N must be a whole number of working days, 0 or more, got '{value}'.");

    private static async Task WarnIfProvisional(CliContext cli, WorkingCalendar calendar, DateOnly a, DateOnly b)
    {
        if (!calendar.IsProvisional(a, b)) return;
        var known = calendar.KnownYears.Count == 0 ? "none" : string.Join(", ", calendar.KnownYears.Order());
        await cli.Error.WriteLineAsync(
            $"xihe: warning: the calendar has no official holidays for a year in {Text(a < b ? a : b)}..{Text(a < b ? b : a)} (known years: {known}); computed with weekends only.");
    }

    private static string Text(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

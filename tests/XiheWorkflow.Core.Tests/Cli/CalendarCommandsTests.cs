using XiheWorkflow.Cli;

namespace XiheWorkflow.Core.Tests.Cli;

/// <summary>A data directory the calendar commands of one test class share: their calendar is the database's.</summary>
public sealed class CliDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xihe-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

public class CalendarCommandsTests(CliDataDirectory data) : IClassFixture<CliDataDirectory>
{
    private async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await XiheCli.RunAsync([.. args, "--data-dir", data.Path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("2025-09-28", "true")]  // Sunday worked before National Day
    [InlineData("2025-10-08", "false")] // last day of the 2025 National Day holiday
    [InlineData("2025-10-09", "true")]
    [InlineData("2026-02-16", "false")] // Spring Festival
    public async Task IsWorkday_KnownDate_PrintsTrueOrFalse(string date, string expected)
    {
        var (code, output, error) = await Run("calendar", "is-workday", date);
        code.ShouldBe(XiheCli.Ok);
        output.ShouldBe(expected + Environment.NewLine);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2025-09-26", "20", "2025-10-30")]
    [InlineData("2026-02-13", "20", "2026-03-19")]
    [InlineData("2024-12-31", "20", "2025-02-05")]
    [InlineData("2026-09-18", "20", "2026-10-22")]
    [InlineData("2025-10-01", "0", "2025-10-01")]
    public async Task AddWorkdays_WorkedExample_PrintsIsoDate(string date, string n, string expected)
    {
        var (code, output, error) = await Run("calendar", "add-workdays", date, n);
        code.ShouldBe(XiheCli.Ok);
        output.ShouldBe(expected + Environment.NewLine);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2025-09-26", "2025-10-30", "20")]
    [InlineData("2025-10-30", "2025-09-26", "-20")]
    [InlineData("2025-10-01", "2025-10-08", "0")]
    public async Task WorkdaysBetween_Dates_PrintsCount(string from, string to, string expected)
    {
        var (code, output, _) = await Run("calendar", "workdays-between", from, to);
        code.ShouldBe(XiheCli.Ok);
        output.ShouldBe(expected + Environment.NewLine);
    }

    [Fact]
    public async Task AddWorkdays_IntoUnknownYear_ComputesWithWeekendsAndWarns()
    {
        var (code, output, error) = await Run("calendar", "add-workdays", "2026-12-30", "3");
        code.ShouldBe(XiheCli.Ok);
        output.ShouldBe("2027-01-04" + Environment.NewLine);
        error.ShouldContain("warning");
        error.ShouldContain("weekends only");
    }

    [Fact]
    public async Task IsWorkday_UnknownYear_PrintsWeekdayAnswerAndWarns()
    {
        var (code, output, error) = await Run("calendar", "is-workday", "2027-01-01");
        code.ShouldBe(XiheCli.Ok);
        output.ShouldBe("true" + Environment.NewLine);
        error.ShouldContain("2027");
    }

    [Theory]
    [InlineData("calendar", "is-workday", "2025-13-01")]
    [InlineData("calendar", "is-workday", "2025/10/01")]
    [InlineData("calendar", "add-workdays", "26-09-2025", "20")]
    [InlineData("calendar", "add-workdays", "2025-09-26", "-1")]
    [InlineData("calendar", "add-workdays", "2025-09-26", "twenty")]
    [InlineData("calendar", "workdays-between", "2025-09-26", "tomorrow")]
    [InlineData("calendar", "is-workday")]
    public async Task Command_BadInput_ExitsTwoWithOneLineOnStderr(params string[] args)
    {
        var (code, output, error) = await Run(args);
        code.ShouldBe(XiheCli.BadInput);
        output.ShouldBeEmpty();
        error.ShouldStartWith("xihe: ");
    }

    [Fact]
    public async Task AddWorkdays_NegativeCount_NamesTheArgument()
    {
        var (_, _, error) = await Run("calendar", "add-workdays", "2025-09-26", "-1");
        error.Trim().ShouldBe("xihe: N must be a whole number of working days, 0 or more, got '-1'.");
    }
}

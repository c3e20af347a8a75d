using Microsoft.Data.Sqlite;

namespace XiheWorkflow.Core.Tests.Cli;

public sealed class FoundationCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xihe-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task DbMigrate_FreshDirectory_CreatesDatabase()
    {
        var run = await CliRunner.RunAsync("db", "migrate", "--data-dir", _dir);
        run.ExitCode.ShouldBe(0, run.Error);
        File.Exists(Path.Combine(_dir, "xihe.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task SeedDemo_Twice_SecondRefusesWithExit2()
    {
        (await CliRunner.RunAsync("seed", "demo", "--data-dir", _dir)).ExitCode.ShouldBe(0);
        var second = await CliRunner.RunAsync("seed", "demo", "--data-dir", _dir);
        second.ExitCode.ShouldBe(2);
        second.Error.ShouldContain("already has users");
    }

    [Fact]
    public async Task UsersAdd_Valid_PrintsOneTimePassword()
    {
        var run = await CliRunner.RunAsync("users", "add", "--name", "zhou", "--role", "Staff", "--office", "党建办公室", "--data-dir", _dir);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("One-time password");
    }

    [Fact]
    public async Task UsersAdd_UnknownOffice_Exit2NamingIt()
    {
        var run = await CliRunner.RunAsync("users", "add", "--name", "zhou", "--role", "Staff", "--office", "不存在办公室", "--data-dir", _dir);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("不存在办公室");
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    /// <summary>INTERFACES.md §3: bad usage exits 2 with one clear line on stderr — what is wrong, and where the usage is.</summary>
    [Theory]
    [InlineData("xihe: Unrecognized command or argument 'bogus'. See 'xihe --help' for usage.", "bogus")]
    [InlineData("xihe: Unrecognized command or argument '--no-such-option'. See 'xihe db migrate --help' for usage.",
        "db", "migrate", "--no-such-option")]
    [InlineData("xihe: Option '--name' is required. See 'xihe users add --help' for usage.", "users", "add", "--role", "Staff")]
    [InlineData("xihe: Option '--year' is required. See 'xihe report annual --help' for usage.", "report", "annual")]
    [InlineData("xihe: Cannot parse argument 'last' for option '--year' as expected type 'System.Int32'. See 'xihe report annual --help' for usage.",
        "report", "annual", "--year", "last")]
    [InlineData("xihe: Required argument missing for command: 'import'. See 'xihe import --help' for usage.", "import")]
    [InlineData("xihe: Required command was not provided. See 'xihe --help' for usage.")]
    public async Task BadUsage_Exit2WithOneLineOnStderrNamingTheProblemAndTheUsage(string expected, params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe(expected + Environment.NewLine);
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task BadUsage_SeveralParserErrors_StillOneLine()
    {
        var run = await CliRunner.RunAsync("users", "add", "--bogus", "1");
        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldStartWith("xihe: ");
        run.Error.ShouldContain("'--bogus'");
        run.Error.ShouldContain("Option '--name' is required.");
        run.Error.ShouldEndWith("See 'xihe users add --help' for usage." + Environment.NewLine);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("db", "migrate", "--help")]
    [InlineData("seed", "demo", "--help")]
    [InlineData("users", "add", "--help")]
    public async Task Help_OnEveryCommand_Exit0(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public async Task DataDirectoryThatCannotBeWritten_Exit2NamingItAndCreatesNothing()
    {
        var file = Path.GetTempFileName();
        try
        {
            var bad = Path.Combine(file, "data");
            var run = await CliRunner.RunAsync("db", "migrate", "--data-dir", bad);
            run.ExitCode.ShouldBe(2);
            run.Error.ShouldContain(bad);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

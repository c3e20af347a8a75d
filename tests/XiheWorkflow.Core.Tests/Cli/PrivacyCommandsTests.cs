using XiheWorkflow.Cli;
using XiheWorkflow.Core.Tests.Privacy;

namespace XiheWorkflow.Core.Tests.Cli;

public class PrivacyCommandsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static async Task<(int Exit, string[] Out, string[] Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await XiheCli.RunAsync(args, output, error);
        return (exit, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task Scan_CleanFile_ExitsZeroAndPrintsNothing()
    {
        var path = folder.Write("clean.txt", "硝河村4组，家庭人口5人，保障金额280元。\n");

        var (exit, output, error) = await Run("privacy", "scan", path);

        exit.ShouldBe(0);
        output.ShouldBeEmpty();
        error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scan_Findings_ExitsOneWithOnePlainLineEach()
    {
        var path = folder.Write("notice.txt", "公示\n户主马晓丽，身份证640422199710098285，电话 156-5423-5116\n");

        var (exit, output, _) = await Run("privacy", "scan", path);

        exit.ShouldBe(1);
        output.ShouldBe([
            $"{path}:2:10: ResidentId 640422********8285",
            $"{path}:2:32: Mobile 156****5116",
        ]);
    }

    [Fact]
    public async Task Scan_Json_WritesJsonLinesInTheAgreedShape()
    {
        var path = folder.File("roster.xlsx");
        TestDocuments.WriteXlsx(path, ("低保", [["姓名", "身份证号"], ["马晓丽", "640422199710098285"]]));

        var (exit, output, _) = await Run("privacy", "scan", path, "--json");

        exit.ShouldBe(1);
        output.ShouldBe([
            """{"kind": "ResidentId", "masked": "640422********8285", "line": 2, "column": 2, "location": "低保!B2"}""",
        ]);
    }

    [Fact]
    public async Task Scan_SampleRoster_Prints28Findings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "dibao-roster-sample.csv");

        var (exit, output, _) = await Run("privacy", "scan", path);

        exit.ShouldBe(1);
        output.Length.ShouldBe(28);
        output[0].ShouldBe($"{path}:3:19: ResidentId 640422********8285");
    }

    [Fact]
    public async Task Scan_NeverPrintsTheUnmaskedValue()
    {
        var path = folder.Write("n.csv", "身份证,电话,卡号\n11010519491231002X,13812345678,6222021234567890128\n");

        var plain = await Run("privacy", "scan", path);
        var json = await Run("privacy", "scan", path, "--json");

        var everything = string.Join('\n', plain.Out.Concat(plain.Error).Concat(json.Out).Concat(json.Error));
        everything.ShouldNotContain("11010519491231002X");
        everything.ShouldNotContain("13812345678");
        everything.ShouldNotContain("6222021234567890128");
        plain.Out.Length.ShouldBe(3);
    }

    [Fact]
    public async Task Scan_MissingFile_ExitsTwoNamingTheFile()
    {
        var path = folder.File("missing.txt");

        var (exit, output, error) = await Run("privacy", "scan", path);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldHaveSingleItem().ShouldContain(path);
    }

    [Fact]
    public async Task Scan_UnsupportedExtension_ExitsTwo()
    {
        var path = folder.Write("notes.rtf", "13812345678");

        var (exit, _, error) = await Run("privacy", "scan", path);

        exit.ShouldBe(2);
        error.ShouldHaveSingleItem().ShouldContain(path);
        error[0].ShouldContain("unsupported");
    }

    [Fact]
    public async Task Scan_CorruptDocx_ExitsTwoAskingForAPerson()
    {
        var path = folder.Write("broken.docx", "not a zip at all"u8.ToArray());

        var (exit, output, error) = await Run("privacy", "scan", path, "--json");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldHaveSingleItem().ShouldStartWith($"xihe: {path}: cannot be read (Corrupt");
    }
}

using System.Text;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Privacy;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace XiheWorkflow.Core.Tests.Privacy;

public class PrivacyFileScannerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly PrivacyFileScanner scanner = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));

    public void Dispose() => folder.Dispose();

    private static string SampleRoster => Path.Combine(AppContext.BaseDirectory, "TestData", "dibao-roster-sample.csv");

    [Fact]
    public async Task ScanFile_SampleRoster_Finds14IdsAnd14Mobiles()
    {
        var result = await scanner.ScanFileAsync(SampleRoster);

        result.IsReadable.ShouldBeTrue();
        result.Findings.Count.ShouldBe(28);
        result.Findings.Count(f => f.Kind == FindingKind.ResidentId).ShouldBe(14);
        result.Findings.Count(f => f.Kind == FindingKind.Mobile).ShouldBe(14);
        result.Findings[0].ShouldBe(new FileFinding(FindingKind.ResidentId, "640422********8285", 3, 19, "F3"));
        result.Findings[1].ShouldBe(new FileFinding(FindingKind.Mobile, "156****5116", 3, 38, "G3"));
    }

    [Fact]
    public async Task ScanFile_SampleRoster_FlagsIdAndPhoneColumns()
    {
        var result = await scanner.ScanFileAsync(SampleRoster);

        result.FlaggedColumns.ShouldBe([
            new FlaggedColumn("F1", "身份证号", RosterColumnConcern.ResidentId),
            new FlaggedColumn("G1", "联系电话", RosterColumnConcern.Phone),
        ]);
    }

    [Fact]
    public async Task ScanFile_CsvWithQuotedMultiLineField_NamesTheRightCell()
    {
        var path = folder.Write("r.csv", "姓名,备注,电话\n张三,\"第一行\n卡号：6212260200000000000\",13812345678\n");

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldBe([
            new FileFinding(FindingKind.BankCard, "***************0000", 3, 4, "B2"),
            new FileFinding(FindingKind.Mobile, "138****5678", 3, 25, "C2"),
        ]);
    }

    [Fact]
    public async Task ScanFile_Text_ReportsLineAndColumnInCharacters()
    {
        var path = folder.Write("notice.txt", "关于低保的公示\r\n户主：马晓丽，电话：15654235116\n\n身份证 640422199710098285\n");

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldBe([
            new FileFinding(FindingKind.Mobile, "156****5116", 2, 11, ""),
            new FileFinding(FindingKind.ResidentId, "640422********8285", 4, 5, ""),
        ]);
    }

    [Fact]
    public async Task ScanFile_TextInGbk_IsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = folder.Write("gbk.txt", Encoding.GetEncoding("GB18030").GetBytes("身份证号：１１０１０５１９４９１２３１００２Ｘ"));

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldHaveSingleItem().ShouldBe(new FileFinding(FindingKind.ResidentId, "110105********002X", 1, 6, ""));
    }

    [Fact]
    public async Task ScanFile_Html_StripsTagsDecodesEntitiesAndSkipsScripts()
    {
        var path = folder.Write("n.html", """
            <html><head><title>公示</title><script>var id = "11010519491231002X";</script></head>
            <body><p>户主电话：<b>138</b>&nbsp;1234&#x20;5678</p>
            <p>身份证：6404<span>2219971009</span>8285 &amp; 卡号&#65306;6212260200000000000</p>
            <!-- 440524188001010014 -->
            </body></html>
            """);

        var result = await scanner.ScanFileAsync(path);

        result.Findings.Select(f => (f.Kind, f.Masked, f.Line)).ShouldBe([
            (FindingKind.Mobile, "138****5678", 2),
            (FindingKind.ResidentId, "640422********8285", 3),
            (FindingKind.BankCard, "***************0000", 3),
        ]);
        result.Findings[0].Column.ShouldBe(6);
    }

    [Fact]
    public async Task ScanFile_Docx_ParagraphsAndTableCellsInDocumentOrder()
    {
        var path = folder.File("roster.docx");
        TestDocuments.WriteDocx(path, [
            TestDocuments.Paragraph("硝河乡低保公示"),
            TestDocuments.Paragraph("户主身份证号：6404", "2219971009", "8285，请核对。"),
            new W.Table(
                new W.TableRow(TestDocuments.Cell(TestDocuments.Paragraph("姓名")), TestDocuments.Cell(TestDocuments.Paragraph("电话"))),
                new W.TableRow(
                    TestDocuments.Cell(TestDocuments.Paragraph("马晓丽")),
                    TestDocuments.Cell(TestDocuments.Paragraph("备用"), TestDocuments.Paragraph("156", "5423", "5116")))),
            TestDocuments.Paragraph("卡号 6222021234567890128"),
        ], headerText: "联系人电话 13812345678");

        var result = await scanner.ScanFileAsync(path);

        result.IsReadable.ShouldBeTrue();
        result.Findings.ShouldBe([
            new FileFinding(FindingKind.ResidentId, "640422********8285", 2, 8, "paragraph 2"),
            new FileFinding(FindingKind.Mobile, "156****5116", 6, 4, "table 1, row 2, cell 2"),
            new FileFinding(FindingKind.BankCard, "***************0128", 7, 4, "paragraph 7"),
            new FileFinding(FindingKind.Mobile, "138****5678", 8, 7, "header, paragraph 8"),
        ]);
    }

    private static W.Run Run(params string[] linesBetweenBreaks)
    {
        var run = new W.Run();
        for (var k = 0; k < linesBetweenBreaks.Length; k++)
        {
            if (k > 0) run.Append(new W.Break());
            run.Append(new W.Text(linesBetweenBreaks[k]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    [Fact]
    public async Task ScanFile_Docx_NumbersSplitByALineBreak_AreFoundAtTheirPlace()
    {
        var path = folder.File("wrapped.docx");
        TestDocuments.WriteDocx(path, [
            new W.Paragraph(Run("户主身份证号：640422", "199710098285，请核对。")),
            new W.Paragraph(Run("联系电话 156"), new W.Run(new W.CarriageReturn()), Run("54235116")),
            new W.Table(new W.TableRow(
                TestDocuments.Cell(TestDocuments.Paragraph("马晓丽")),
                TestDocuments.Cell(new W.Paragraph(Run("卡号 6222 0212"), Run("", "3456 7890 128"))))),
        ]);

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldBe([
            new FileFinding(FindingKind.ResidentId, "640422********8285", 1, 8, "paragraph 1"),
            new FileFinding(FindingKind.Mobile, "156****5116", 2, 6, "paragraph 2"),
            new FileFinding(FindingKind.BankCard, "***************0128", 4, 4, "table 1, row 1, cell 2"),
        ]);
    }

    [Fact]
    public async Task ScanFile_Docx_ShortNumbersOnConsecutiveLines_AreNoFindingUnlessTheyFormAValidNumber()
    {
        var path = folder.File("lines.docx");
        TestDocuments.WriteDocx(path, [
            // Joined these would be 18 digits, but the check character is wrong.
            new W.Paragraph(Run("户号 640422", "199710098286")),
            // Joined: 18 digits without a real birth date.
            new W.Paragraph(Run("编号 20240315", "0001234567")),
            // Joined: 19 digits failing Luhn, with no 卡号 before them.
            new W.Paragraph(Run("统计 6222021234", "567890129")),
            new W.Paragraph(Run("2024年", "05月", "10日 第12", "3组")),
            // A number on the line before an ID does not hide the ID.
            new W.Paragraph(Run("序号 12", "440524188001010014")),
        ]);

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldBe([new FileFinding(FindingKind.ResidentId, "440524********0014", 5, 7, "paragraph 5")]);
    }

    [Fact]
    public async Task ScanFile_Xlsx_ReportsSheetRowAndColumn()
    {
        var path = folder.File("roster.xlsx");
        TestDocuments.WriteXlsx(path,
            ("Sheet1", [
                ["户主姓名", "身份证号", "联系电话"],
                ["马晓丽", "640422199710098285", 15654235116L],
                ["向海", "640422********6630", "158****4835"],
            ]),
            ("硝河村", [
                ["姓名", "备注"],
                [null, null],
                ["任珍东", "银行卡号：6212260200000000000"],
            ]));

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldBe([
            new FileFinding(FindingKind.ResidentId, "640422********8285", 2, 2, "Sheet1!B2"),
            new FileFinding(FindingKind.Mobile, "156****5116", 2, 3, "Sheet1!C2"),
            new FileFinding(FindingKind.BankCard, "***************0000", 3, 2, "硝河村!B3"),
        ]);
        result.FlaggedColumns.Select(c => c.Location).ShouldBe(["Sheet1!B1", "Sheet1!C1"]);
    }

    [Fact]
    public async Task ScanFile_XlsxWrittenByMiniExcel_IsScanned()
    {
        var path = folder.File("mini.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["姓名"] = "曹福", ["手机"] = "151 3456 0013" },
            new Dictionary<string, object> { ["姓名"] = "马晓丽", ["手机"] = "156****5116" },
        });

        var result = await scanner.ScanFileAsync(path);

        result.Findings.ShouldHaveSingleItem().ShouldBe(new FileFinding(FindingKind.Mobile, "151****0013", 2, 2, "Sheet1!B2"));
        result.FlaggedColumns.ShouldHaveSingleItem().Concern.ShouldBe(RosterColumnConcern.Phone);
    }

    [Fact]
    public async Task ScanFile_Pdf_NamesThePage()
    {
        var path = folder.Write("n.pdf", TestDocuments.Pdf(
            ["Notice of subsidies"],
            ["Applicant ID 11010519491231002X", "Tel +86 138 1234 5678"]));

        var result = await scanner.ScanFileAsync(path);

        result.IsReadable.ShouldBeTrue();
        result.Findings.Select(f => (f.Kind, f.Masked, f.Location)).ShouldBe([
            (FindingKind.ResidentId, "110105********002X", "page 2"),
            (FindingKind.Mobile, "138****5678", "page 2"),
        ]);
        result.Findings[0].Column.ShouldBe(14);
    }

    [Fact]
    public async Task ScanFile_PdfWithoutText_IsUnreadable()
    {
        var path = folder.Write("scan.pdf", TestDocuments.Pdf([]));

        var result = await scanner.ScanFileAsync(path);

        result.Unreadable.ShouldBe(UnreadableReason.NoText);
    }

    [Theory]
    [InlineData("broken.docx")]
    [InlineData("broken.xlsx")]
    [InlineData("broken.pdf")]
    public async Task ScanFile_CorruptFile_IsUnreadableWithOneFinding(string name)
    {
        var path = folder.Write(name, "PK\u0003\u0004 this is not really a zip, nor a PDF"u8.ToArray());

        var result = await scanner.ScanFileAsync(path);

        result.IsReadable.ShouldBeFalse();
        result.Unreadable.ShouldBe(UnreadableReason.Corrupt);
        result.Findings.ShouldHaveSingleItem().Kind.ShouldBe(FindingKind.Unreadable);
    }

    [Fact]
    public async Task ScanFile_PasswordProtectedDocx_IsEncrypted()
    {
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var path = folder.Write("secret.docx", compound);

        (await scanner.ScanFileAsync(path)).Unreadable.ShouldBe(UnreadableReason.Encrypted);
    }

    [Theory]
    [InlineData("photo.jpg", UnreadableReason.Image)]
    [InlineData("scan.PNG", UnreadableReason.Image)]
    [InlineData("archive.zip", UnreadableReason.UnsupportedType)]
    public async Task Scan_NotTextFile_IsUnreadable(string name, UnreadableReason reason)
    {
        var result = await scanner.ScanAsync(new MemoryStream([1, 2, 3]), name);

        result.Unreadable.ShouldBe(reason);
        result.Findings.ShouldHaveSingleItem().Kind.ShouldBe(FindingKind.Unreadable);
    }

    [Fact]
    public async Task ScanFile_FutureBirthDateByTheClock_IsNoResidentId()
    {
        var early = new PrivacyFileScanner(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero)));
        var late = new PrivacyFileScanner(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
        var path = folder.Write("born-today.txt", "640422202611260018");

        // 16:00 UTC is midnight in Beijing: only then is 2026-11-26 today.
        (await early.ScanFileAsync(path)).Findings.ShouldNotContain(f => f.Kind == FindingKind.ResidentId);
        (await late.ScanFileAsync(path)).Findings.ShouldContain(f => f.Kind == FindingKind.ResidentId);
    }

    [Fact]
    public async Task ScanFile_NoFindings_IsReadableAndEmpty()
    {
        var path = folder.Write("clean.txt", "硝河村4组，家庭人口5人，保障金额280元。");

        var result = await scanner.ScanFileAsync(path);

        result.IsReadable.ShouldBeTrue();
        result.Findings.ShouldBeEmpty();
    }
}

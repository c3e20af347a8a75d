using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Tests.Reporting;

public class AnnualReportDocxTests
{
    // Written out from reference/annual-report-format.md rather than taken from the production
    // constants, so that a changed label fails here. Table headers are in reading order: row by
    // row, so 总计 (spanning two header rows) comes before the five organisation columns.
    private static readonly string[] FormatLabels =
    [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障",
        "二、主动公开政府信息情况",
        "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
        "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可",
        "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "行政强制",
        "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
        "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及\"三安全一稳定\"", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（七）总计", "四、结转下年度继续办理",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
        "五、政府信息公开工作存在的主要问题及改进情况", "有关问题的说明。",
        "六、其他需要报告的事项", "本年度未收取信息处理费。",
    ];

    private static AnnualReport SampleReport(int year) =>
        AnnualReportCalculator.Compute(year, ImportBundleParser.ParseFile(TestFiles.Path("ledger-sample.json")).ToReportInputs());

    private static WordprocessingDocument Open(AnnualReport report)
    {
        var bytes = AnnualReportDocx.Create(report, new AnnualReportText
        {
            Title = $"西吉县硝河乡人民政府{report.Year}年政府信息公开工作年度报告",
            Problems = "有关问题的说明。",
            OtherMatters = "本年度未收取信息处理费。",
        });
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    private static IReadOnlyList<string> CellTexts(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToList();

    [Fact]
    public void Create_Report_ContainsEveryFormatLabelInOrder()
    {
        using var doc = Open(SampleReport(2024));
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        var position = 0;
        foreach (var label in FormatLabels)
        {
            var found = paragraphs.FindIndex(position, p => p == label);
            found.ShouldBeGreaterThanOrEqualTo(0, $"\"{label}\" missing or out of order after paragraph {position}");
            position = found + 1;
        }
        paragraphs[0].ShouldBe("西吉县硝河乡人民政府2024年政府信息公开工作年度报告");
    }

    [Fact]
    public void Create_Report_TableCellsHoldTheNumbers()
    {
        var report = SampleReport(2025);
        using var doc = Open(report);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        tables.Count.ShouldBe(3);

        var a = tables[0].Elements<TableRow>().ToList();
        CellTexts(a.Single(r => CellTexts(r)[0] == "规章")).ShouldBe(["规章", "1", "0", "1"]);
        CellTexts(a.Single(r => CellTexts(r)[0] == "行政规范性文件")).ShouldBe(["行政规范性文件", "1", "2", "1"]);
        CellTexts(a.Single(r => CellTexts(r)[0] == "行政许可")).ShouldBe(["行政许可", "17"]);
        CellTexts(a.Single(r => CellTexts(r)[0] == "行政处罚")).ShouldBe(["行政处罚", "4"]);
        CellTexts(a.Single(r => CellTexts(r)[0] == "行政强制")).ShouldBe(["行政强制", "1"]);
        CellTexts(a.Single(r => CellTexts(r)[0] == "行政事业性收费")).ShouldBe(["行政事业性收费", "0.35"]);

        var bRows = tables[1].Elements<TableRow>().Skip(3).ToList();
        bRows.Count.ShouldBe(25);
        for (var i = 0; i < bRows.Count; i++)
        {
            CellTexts(bRows[i]).TakeLast(7).ShouldBe(report.TableB.Rows[i].Values.Select(v => v.ToString()), report.TableB.Rows[i].Code);
        }
        CellTexts(bRows[0]).TakeLast(7).ShouldBe(["3", "2", "4", "6", "2", "1", "18"]);

        CellTexts(tables[2].Elements<TableRow>().Last()).ShouldBe(["0", "0", "0", "2", "2", "0", "0", "0", "1", "1", "0", "1", "1", "1", "3"]);
    }

    [Fact]
    public void Create_Report_TablesHaveBordersAndMergedHeaders()
    {
        using var doc = Open(SampleReport(2024));
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        foreach (var table in tables)
        {
            var borders = table.GetFirstChild<TableProperties>()!.GetFirstChild<TableBorders>();
            borders.ShouldNotBeNull();
            borders.InsideHorizontalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
            var columns = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
            // Every row must fill the grid exactly, or Word shows a ragged table.
            foreach (var row in table.Elements<TableRow>())
            {
                row.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1).ShouldBe(columns);
            }
        }
        var cellsB = tables[1].Descendants<TableCell>().ToList();
        cellsB.Single(c => c.InnerText == "申请人情况").TableCellProperties!.GridSpan!.Val!.Value.ShouldBe(7);
        cellsB.Single(c => c.InnerText == "法人或其他组织").TableCellProperties!.GridSpan!.Val!.Value.ShouldBe(5);
        cellsB.Single(c => c.InnerText == "三、本年度办理结果").TableCellProperties!.VerticalMerge!.Val!.Value.ShouldBe(MergedCellValues.Restart);
        cellsB.Count(c => c.TableCellProperties?.VerticalMerge?.Val?.Value == MergedCellValues.Continue && c.Parent!.Elements<TableCell>().First() == c && c.TableCellProperties.GridSpan is null)
            .ShouldBe(21, "三 spans its 22 rows: one restart, 21 continued");
        var cellsC = tables[2].Descendants<TableCell>().ToList();
        cellsC.Single(c => c.InnerText == "行政诉讼").TableCellProperties!.GridSpan!.Val!.Value.ShouldBe(10);
    }

    [Fact]
    public void Create_Report_IsValidWordprocessingMl()
    {
        using var doc = Open(SampleReport(2024));

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Create_YearWithoutApplications_SaysSoAndShowsZeros()
    {
        using var doc = Open(AnnualReportCalculator.Compute(2023, new ReportInputs()));
        var texts = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        texts.ShouldContain("2023年，未收到政府信息公开申请，无上年结转申请。");
        doc.MainDocumentPart.Document.Body.Elements<Table>().ElementAt(2).Elements<TableRow>().Last().Elements<TableCell>()
            .ShouldAllBe(c => c.InnerText == "0");
    }
}

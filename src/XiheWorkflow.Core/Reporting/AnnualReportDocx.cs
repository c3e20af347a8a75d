using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Reporting;

/// <summary>The texts of the report that are written by people rather than computed.</summary>
public sealed record AnnualReportText
{
    /// <summary>e.g. 西吉县硝河乡人民政府2024年政府信息公开工作年度报告.</summary>
    public required string Title { get; init; }

    /// <summary>The opening paragraph before section 一 (legal basis, statistics period, where to find the report).</summary>
    public string? Preface { get; init; }

    public string? InformationManagement { get; init; }
    public string? PlatformBuilding { get; init; }
    public string? Supervision { get; init; }

    /// <summary>Section 五, 政府信息公开工作存在的主要问题及改进情况.</summary>
    public string Problems { get; init; } = "";

    /// <summary>Section 六, 其他需要报告的事项.</summary>
    public string OtherMatters { get; init; } = "";
}

/// <summary>
/// Writes the annual report as .docx in the national format (国办公开办函〔2021〕30号): six sections,
/// tables A, B and C with the format's merged header cells, every label as the format writes it.
/// </summary>
public static class AnnualReportDocx
{
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string TitleFont = "方正小标宋简体";

    public static byte[] Create(AnnualReport report, AnnualReportText text)
    {
        using var stream = new MemoryStream();
        Write(report, text, stream);
        return stream.ToArray();
    }

    public static void Write(AnnualReport report, AnnualReportText text, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        // OpenXml needs a seekable package stream; buffer so that any output stream works.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph(text.Title, TitleFont, 44, JustificationValues.Center, bold: false));
            if (!string.IsNullOrWhiteSpace(text.Preface)) AppendText(body, text.Preface);

            var s = AnnualReportFormat.Sections;
            body.Append(Heading(s[0]));
            AppendOverview(body, report, text);
            body.Append(Heading(s[1]));
            body.Append(BuildTableA(report.TableA));
            body.Append(Heading(s[2]));
            body.Append(BuildTableB(report.TableB));
            body.Append(Heading(s[3]));
            body.Append(BuildTableC(report.TableC));
            body.Append(Heading(s[4]));
            AppendText(body, text.Problems);
            body.Append(Heading(s[5]));
            AppendText(body, text.OtherMatters);

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1247U, Right = 1247U, Header = 851U, Footer = 992U }));
            main.Document.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AppendOverview(Body body, AnnualReport report, AnnualReportText text)
    {
        var parts = AnnualReportFormat.OverviewParts;
        string[] ordinals = ["（一）", "（二）", "（三）", "（四）", "（五）"];
        body.Append(Paragraph(ordinals[0] + parts[0], HeadingFont, 32, JustificationValues.Left, indent: true));
        AppendText(body, ProactiveText(report));
        body.Append(Paragraph(ordinals[1] + parts[1], HeadingFont, 32, JustificationValues.Left, indent: true));
        AppendText(body, ApplicationsText(report));
        string?[] written = [text.InformationManagement, text.PlatformBuilding, text.Supervision];
        for (var i = 0; i < written.Length; i++)
        {
            body.Append(Paragraph(ordinals[i + 2] + parts[i + 2], HeadingFont, 32, JustificationValues.Left, indent: true));
            AppendText(body, written[i] ?? "");
        }
    }

    // The figures in the text are the computed ones and their totals are sums of the parts shown,
    // so the slip of the 2023 report (6 + 30 + 20 written as 60) cannot recur.
    private static string ProactiveText(AnnualReport report)
    {
        var p = report.Publishing;
        int C(Channel c) => p.ByChannel.GetValueOrDefault(c);
        var platform = C(Channel.PlatformDisclosure) + C(Channel.PlatformCatalog) + C(Channel.PlatformNews);
        var forms = string.Join("、", p.WeChatByForm.Where(f => f.Value > 0).OrderBy(f => f.Key).Select(f => $"{CodeLabels.Label(f.Key)}{f.Value}条"));
        var origins = string.Join("、", p.WeChatByOrigin.Where(o => o.Value > 0).OrderBy(o => o.Key).Select(o => $"{CodeLabels.Label(o.Key)}{o.Value}条"));
        var detail = string.Join("；", new[] { forms, origins }.Where(x => x.Length > 0));
        return $"{report.Year}年，通过政务公开平台发布信息{platform}条，其中{CodeLabels.Label(Channel.PlatformDisclosure)}栏目{C(Channel.PlatformDisclosure)}条、"
            + $"{CodeLabels.Label(Channel.PlatformCatalog)}{C(Channel.PlatformCatalog)}条、{CodeLabels.Label(Channel.PlatformNews)}{C(Channel.PlatformNews)}条；"
            + $"微信公众号推送{C(Channel.WeChat)}条{(detail.Length > 0 ? $"（{detail}）" : "")}；政务微博发布{C(Channel.Weibo)}条；"
            + $"公开栏公开{C(Channel.NoticeBoard)}条，电子屏播放{C(Channel.Screen)}条，大喇叭播报{C(Channel.Loudspeaker)}条。"
            + $"本年制发行政规范性文件{report.TableA.NormativeDocuments.Issued}件，废止{report.TableA.NormativeDocuments.Repealed}件，现行有效{report.TableA.NormativeDocuments.InForce}件。";
    }

    private static string ApplicationsText(AnnualReport report)
    {
        var b = report.TableB;
        int received = b.Row(TableB.Received).Total, carried = b.Row(TableB.CarriedOver).Total;
        if (received == 0 && carried == 0) return $"{report.Year}年，未收到政府信息公开申请，无上年结转申请。";
        return $"{report.Year}年，新收政府信息公开申请{received}件，上年结转{carried}件，"
            + $"本年度办结{b.Row(TableB.TotalRow).Total}件，结转下年度继续办理{b.Row(TableB.CarriedForward).Total}件。";
    }

    private static Table BuildTableA(TableA a)
    {
        var t = NewTable(4, [2800, 2400, 2400, 2400]);
        void Section(string item, params string[] headers)
        {
            t.Append(new TableRow(Cell(item, span: 4, bold: true)));
            t.Append(new TableRow([Cell("信息内容", bold: true), .. headers.Length == 1 ? [Cell(headers[0], span: 3, bold: true)] : headers.Select(h => Cell(h, bold: true))]));
        }
        void Documents(string label, DocumentCounts c) => t.Append(new TableRow(Cell(label), Number(c.Issued), Number(c.Repealed), Number(c.InForce)));
        void Single(string label, string value) => t.Append(new TableRow(Cell(label), Cell(value, span: 3)));

        Section("第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数");
        Documents("规章", a.Regulations);
        Documents("行政规范性文件", a.NormativeDocuments);
        Section("第二十条第（五）项", "本年处理决定数量");
        Single("行政许可", Format(a.Licensing));
        Section("第二十条第（六）项", "本年处理决定数量");
        Single("行政处罚", Format(a.Penalty));
        Single("行政强制", Format(a.Enforcement));
        Section("第二十条第（八）项", "本年收费金额（单位：万元）");
        Single("行政事业性收费", a.FeesTenThousandYuan.ToString("0.####", CultureInfo.InvariantCulture));
        return t;
    }

    private static Table BuildTableB(TableB b)
    {
        var t = NewTable(10, [900, 1300, 2300, 700, 700, 700, 700, 700, 700, 700]);
        var applicantColumns = TableB.Columns.Skip(1).Take(5).Select(AnnualReportFormat.ColumnLabel).ToList();

        t.Append(new TableRow(
            Cell(AnnualReportFormat.TableBNote, span: 3, vMerge: MergedCellValues.Restart),
            Cell(AnnualReportFormat.ApplicantHeader, span: 7, bold: true)));
        t.Append(new TableRow(
            Cell("", span: 3, vMerge: MergedCellValues.Continue),
            Cell(AnnualReportFormat.ColumnLabel(TableB.Columns[0]), vMerge: MergedCellValues.Restart, bold: true),
            Cell(AnnualReportFormat.OrganizationHeader, span: 5, bold: true),
            Cell(AnnualReportFormat.Total, vMerge: MergedCellValues.Restart, bold: true)));
        t.Append(new TableRow([
            Cell("", span: 3, vMerge: MergedCellValues.Continue),
            Cell("", vMerge: MergedCellValues.Continue),
            .. applicantColumns.Select(c => Cell(c, bold: true)),
            Cell("", vMerge: MergedCellValues.Continue)]));

        TableRow Numbers(IEnumerable<TableCell> labels, string code) => new([.. labels, .. b.Row(code).Values.Select(Number)]);

        t.Append(Numbers([Cell(AnnualReportFormat.ReceivedLabel, span: 3, align: JustificationValues.Left)], TableB.Received));
        t.Append(Numbers([Cell(AnnualReportFormat.CarriedOverLabel, span: 3, align: JustificationValues.Left)], TableB.CarriedOver));

        var firstResultRow = true;
        TableCell Results()
        {
            var cell = Cell(firstResultRow ? AnnualReportFormat.ResultsLabel : "", vMerge: firstResultRow ? MergedCellValues.Restart : MergedCellValues.Continue);
            firstResultRow = false;
            return cell;
        }
        foreach (var group in ApplicationOutcomes.All.GroupBy(o => o.Group()))
        {
            var outcomes = group.ToList();
            var groupLabel = AnnualReportFormat.GroupLabel(group.Key);
            if (group.Key is OutcomeGroup.Disclosed or OutcomeGroup.PartiallyDisclosed)
            {
                t.Append(Numbers([Results(), Cell(groupLabel, span: 2, align: JustificationValues.Left)], outcomes[0].Code()));
                continue;
            }
            for (var i = 0; i < outcomes.Count; i++)
            {
                var groupCell = Cell(i == 0 ? groupLabel : "", vMerge: i == 0 ? MergedCellValues.Restart : MergedCellValues.Continue);
                var leaf = Cell($"{i + 1}.{CodeLabels.Label(outcomes[i])}", align: JustificationValues.Left);
                t.Append(Numbers([Results(), groupCell, leaf], outcomes[i].Code()));
            }
        }
        t.Append(Numbers([Results(), Cell(AnnualReportFormat.ResultsTotalLabel, span: 2, align: JustificationValues.Left)], TableB.TotalRow));
        t.Append(Numbers([Cell(AnnualReportFormat.CarriedForwardLabel, span: 3, align: JustificationValues.Left)], TableB.CarriedForward));
        return t;
    }

    private static Table BuildTableC(TableC c)
    {
        var t = NewTable(15, Enumerable.Repeat(640, 15).ToArray());
        var labels = AnnualReportFormat.AppealResultLabels;
        t.Append(new TableRow(
            Cell(AnnualReportFormat.ReconsiderationLabel, span: 5, bold: true),
            Cell(AnnualReportFormat.LitigationLabel, span: 10, bold: true)));
        t.Append(new TableRow([
            .. labels.Select(l => Cell(l, vMerge: MergedCellValues.Restart, bold: true)),
            Cell(AnnualReportFormat.AppealKindLabel(AppealKind.LitigationDirect), span: 5, bold: true),
            Cell(AnnualReportFormat.AppealKindLabel(AppealKind.LitigationAfterReconsideration), span: 5, bold: true)]));
        t.Append(new TableRow([
            .. labels.Select(_ => Cell("", vMerge: MergedCellValues.Continue)),
            .. labels.Select(l => Cell(l, bold: true)),
            .. labels.Select(l => Cell(l, bold: true))]));
        t.Append(new TableRow(c.Kinds.SelectMany(k => new[] { k.Upheld, k.Corrected, k.Other, k.Pending, k.Total }).Select(Number)));
        return t;
    }

    private static Table NewTable(int columns, int[] widths)
    {
        BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++) grid.Append(new GridColumn { Width = widths[i].ToString(CultureInfo.InvariantCulture) });
        table.Append(grid);
        return table;
    }

    private static TableCell Number(int value) => Cell(Format(value));

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? vMerge = null, bool bold = false, JustificationValues? align = null)
    {
        // The schema fixes the order of cell properties: gridSpan, vMerge, then vAlign.
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (vMerge is { } merge) properties.Append(new VerticalMerge { Val = merge });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, Paragraph(text, BodyFont, 21, align ?? JustificationValues.Center, bold));
    }

    private static Paragraph Heading(string text) => Paragraph(text, HeadingFont, 32, JustificationValues.Left, indent: true);

    private static void AppendText(Body body, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList();
        // An empty section still says so rather than leaving a heading over nothing.
        if (lines.Count == 0) lines.Add("无。");
        foreach (var line in lines) body.Append(Paragraph(line, BodyFont, 32, JustificationValues.Both, indent: true));
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues align, bool bold = false, bool indent = false)
    {
        var paragraphProperties = new ParagraphProperties();
        if (indent) paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        paragraphProperties.Append(new Justification { Val = align });
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font });
        if (bold) runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

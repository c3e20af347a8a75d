using System.Text;
using MiniExcelLibs;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Dashboard;

/// <summary>
/// The list behind a dashboard number as .xlsx or .csv. Rows come from <see cref="DashboardQueries.ListAsync"/>,
/// so names and contacts are already masked and the scope is the person's own.
/// </summary>
public class DashboardExport(DashboardQueries queries)
{
    public enum Format { Xlsx, Csv }

    private static readonly string[] Headers = ["类型", "编号", "标题", "科室", "类别", "状态", "日期", "说明", "姓名", "联系方式"];

    public async Task<(byte[] Content, string ContentType, string FileName)> HandleAsync(string metric, DashboardFilter filter, int? month, Format format,
        Actor actor, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(metric, filter, actor, month, ct);
        var name = $"统计看板-{DashboardMetric.Parse(metric).Name}-{filter.Year}";
        var cells = rows.Select(r => new object?[]
        {
            KindLabel(r.Kind), r.Id, r.Title, r.OfficeName, r.CategoryName, r.Status, r.Date?.ToString("yyyy-MM-dd"), r.Detail, r.Person, r.Contact,
        }).ToList();
        if (format == Format.Csv)
        {
            var csv = new StringBuilder();
            csv.Append(string.Join(',', Headers.Select(Quote))).Append("\r\n");
            foreach (var row in cells) csv.Append(string.Join(',', row.Select(c => Quote(c?.ToString() ?? "")))).Append("\r\n");
            // With a BOM, Excel on a Chinese Windows opens UTF-8 as UTF-8.
            return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name + ".csv");
        }
        var sheet = cells.Select(row => Headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        if (sheet.Count == 0) sheet.Add(Headers.ToDictionary(h => h, _ => (object?)null));
        await stream.SaveAsAsync(sheet, sheetName: "清单", cancellationToken: ct);
        return (stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private static string KindLabel(DrillKind kind) => kind switch
    {
        DrillKind.Notice => "公开事项",
        DrillKind.HistoricalNotice => "导入的公开事项",
        DrillKind.Comment => "意见反馈",
        _ => "依申请公开",
    };

    // A leading = + - @ would make a spreadsheet evaluate the cell.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using XiheWorkflow.Core.Dashboard;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Features.Dashboard;

/// <summary>The dashboard's filters as a query string, shared by the page, its drill-down lists and the export endpoint.</summary>
public static class DashboardLinks
{
    public static Dictionary<string, string?> Query(DashboardFilter f) => new()
    {
        ["year"] = f.Year.ToString(CultureInfo.InvariantCulture),
        ["from"] = f.FromMonth.ToString(CultureInfo.InvariantCulture),
        ["to"] = f.ToMonth.ToString(CultureInfo.InvariantCulture),
        ["office"] = f.OfficeId?.ToString(CultureInfo.InvariantCulture),
        ["category"] = f.CategoryId?.ToString(CultureInfo.InvariantCulture),
        ["channel"] = f.Channel?.ToString(),
    };

    private static string With(string path, DashboardFilter f, params (string Key, string? Value)[] extra)
    {
        var query = Query(f);
        foreach (var (k, v) in extra) query[k] = v;
        return QueryHelpers.AddQueryString(path, query.Where(kv => kv.Value is not null)!);
    }

    public static string Dashboard(DashboardFilter f) => With("/dashboard", f);

    public static string List(string metric, DashboardFilter f, int? month = null) =>
        With("/dashboard/list", f, ("metric", metric), ("month", month?.ToString(CultureInfo.InvariantCulture)));

    public static string Export(string metric, DashboardFilter f, int? month, string format) =>
        With("/dashboard/export", f, ("metric", metric), ("month", month?.ToString(CultureInfo.InvariantCulture)), ("format", format));

    public static DashboardFilter Parse(int? year, int? from, int? to, int? office, int? category, string? channel, int currentYear) =>
        new DashboardFilter(year is >= 2000 and <= 2100 ? year.Value : currentYear, from ?? 1, to ?? 12, office, category,
            Enum.TryParse<Channel>(channel, out var c) ? c : null).Normalized();
}

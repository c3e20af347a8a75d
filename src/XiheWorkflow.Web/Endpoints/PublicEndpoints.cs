using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Endpoints;

/// <summary>
/// The read-only public interfaces of INTERFACES.md §6: the JSON API and the Atom feed. Only what
/// is printed on a public notice goes out — never who drafted or decided it.
/// </summary>
public static class PublicEndpoints
{
    public const int MaxPageSize = 100;

    /// <summary>The same shape Results.Json writes: camelCase, Chinese left as it is.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/notices", ListAsync).AllowAnonymous();
        app.MapGet("/api/public/notices/{id:int}", GetAsync).AllowAnonymous();
        app.MapGet("/feeds/notices.atom", FeedAsync).AllowAnonymous();
    }

    private static async Task<IResult> ListAsync(HttpContext http, PublicNotices notices, PublicListCache cache, IOptions<XiheOptions> options,
        string? state, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = PublicFilter.All;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (CodeLabels.TryParse<NoticeState>(state, out var s) && s is NoticeState.InPublicity or NoticeState.Published)
                filter = s == NoticeState.InPublicity ? PublicFilter.InPublicity : PublicFilter.Published;
            else errors["state"] = ["state must be InPublicity or Published."];
        }
        if (page is < 1) errors["page"] = ["page must be 1 or more."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var baseUrl = BaseUrl(http, options.Value);
        var entry = await cache.GetAsync($"{filter}|{page ?? 1}|{pageSize ?? 20}|{baseUrl}", async () =>
        {
            var (items, total) = await notices.ListAsync(filter, page ?? 1, pageSize ?? 20, ct);
            var amendments = await notices.AmendmentsAsync(items.Select(n => n.Id).ToList(), ct);
            var list = items.Select(n => ToJson(n, amendments.GetValueOrDefault(n.Id, PublicAmendments.None), baseUrl, withBody: false)).ToList();
            return new PublicListCache.Entry(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(list, JsonOptions), total);
        });
        http.Response.Headers["X-Total-Count"] = entry.Total.ToString(CultureInfo.InvariantCulture);
        return Results.Bytes(entry.Json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, PublicNotices notices, IOptions<XiheOptions> options, CancellationToken ct)
    {
        var (notice, gone) = await notices.FindAsync(id, ct);
        if (notice is not null)
        {
            var amendments = await notices.AmendmentsAsync([notice.Id], ct);
            return Results.Json(ToJson(notice, amendments[notice.Id], BaseUrl(http, options.Value), withBody: true));
        }
        if (gone is not null)
            return Results.Json(new { id = gone.Id, title = gone.Title, state = gone.State.ToString(), at = PublicNotice.ToShanghai(gone.AtUtc), reason = gone.Reason },
                statusCode: StatusCodes.Status410Gone);
        // A body of its own, or the status-code page would answer an API client with HTML.
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static Dictionary<string, object?> ToJson(PublicNotice n, PublicAmendments amendments, string baseUrl, bool withBody)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = n.Id,
            ["title"] = n.Title,
            ["office"] = n.Office,
            ["category"] = n.Category,
            ["kind"] = n.Kind.ToString(),
            ["state"] = n.State.ToString(),
            ["publishedAt"] = n.PublishedAtText,
            ["publicity"] = n.From is { } from && n.To is { } to
                ? new Dictionary<string, object?> { ["from"] = Iso(from), ["to"] = Iso(to), ["provisional"] = n.Provisional }
                : null,
            ["url"] = $"{baseUrl}/public/notices/{n.Id}",
        };
        if (withBody) json["body"] = n.BodyHtml;
        json["corrections"] = amendments.Corrections
            .Select(c => new { at = PublicNotice.ToShanghai(c.AtUtc), note = c.Note, republished = c.WindowRestarted }).ToList();
        json["clarifications"] = amendments.Clarifications
            .Select(c => new { at = PublicNotice.ToShanghai(c.AtUtc), text = c.Text }).ToList();
        return json;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, PublicNotices notices, IOptions<XiheOptions> options, CancellationToken ct)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var baseUrl = BaseUrl(http, options.Value);
        var (live, gone) = await notices.FeedAsync(100, ct);
        var entries = live.Select(l => (Updated: l.UpdatedAtUtc, Element: new XElement(atom + "entry",
                new XElement(atom + "id", $"{baseUrl}/public/notices/{l.Notice.Id}"),
                new XElement(atom + "title", l.Notice.Title),
                new XElement(atom + "updated", Instant(l.UpdatedAtUtc)),
                new XElement(atom + "published", Instant(l.Notice.PublishedAtUtc)),
                new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", $"{baseUrl}/public/notices/{l.Notice.Id}")),
                new XElement(atom + "category", new XAttribute("term", l.Notice.Category)),
                new XElement(atom + "summary", Summary(l.Notice)))))
            .Concat(gone.Select(g => (Updated: g.AtUtc, Element: new XElement(atom + "entry",
                new XElement(atom + "id", $"{baseUrl}/public/notices/{g.Id}"),
                new XElement(atom + "title", CodeLabels.Label(g.State)),
                new XElement(atom + "updated", Instant(g.AtUtc)),
                new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", $"{baseUrl}/public/notices/{g.Id}")),
                new XElement(atom + "summary", $"「{g.Title}」{CodeLabels.Label(g.State)}" + (g.Reason is { Length: > 0 } r ? $"：{r}" : ""))))))
            .OrderByDescending(e => e.Updated).ToList();
        var feed = new XElement(atom + "feed",
            new XElement(atom + "id", $"{baseUrl}/feeds/notices.atom"),
            new XElement(atom + "title", $"{options.Value.PublishingBody} 政务公开"),
            new XElement(atom + "updated", Instant(entries.Count > 0 ? entries[0].Updated : DateTime.UnixEpoch)),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{baseUrl}/feeds/notices.atom")),
            new XElement(atom + "author", new XElement(atom + "name", options.Value.PublishingBody)),
            entries.Select(e => e.Element));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
        return Results.Text(xml.Declaration + "\n" + xml.Root, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static string Summary(PublicNotice n) =>
        $"{n.Category} · {n.Office}" + (n.From is { } f && n.To is { } t ? $" · {Domain.Publicity.PublicityWindow.Format(f, t)}" : "");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => PublicNotice.ToShanghai(utc);

    public static string BaseUrl(HttpContext http, XiheOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? options.PublicBaseUrl.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}

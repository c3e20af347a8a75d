using Microsoft.AspNetCore.Http.HttpResults;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Web.Features.Public;

namespace XiheWorkflow.Web.Endpoints;

/// <summary>
/// The 公开栏 sheet: printed from the browser (a whole HTML document of its own, no app chrome, so
/// nothing but the sheet reaches the paper) and downloaded as .docx by staff.
/// </summary>
public static class ChannelEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/notices/{id:int}/print", async (int id, ChannelOutputs outputs, HttpContext http, CancellationToken ct) =>
        {
            var sheet = await outputs.SheetAsync(id, null, RequestBase(http), ct);
            return sheet is null
                ? Results.NotFound()
                : new RazorComponentResult<NoticeBoardSheet>(new { Sheet = sheet });
        }).AllowAnonymous();

        app.MapGet("/notices/{id:int}/channels/docx", async (int id, ChannelOutputs outputs, HttpContext http, CancellationToken ct) =>
        {
            var sheet = await outputs.SheetAsync(id, Actor.FromPrincipal(http.User), RequestBase(http), ct);
            return sheet is null
                ? Results.NotFound()
                : Results.File(NoticeBoardDocx.Write(sheet), DocxType, $"公开栏-{Safe(sheet.Title)}.docx");
        }).RequireAuthorization();
    }

    public static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static string Safe(string title) =>
        string.Concat(title.Where(c => !Path.GetInvalidFileNameChars().Contains(c))).Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, 60)] : "notice";
}

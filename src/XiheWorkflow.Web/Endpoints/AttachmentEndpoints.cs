using Microsoft.AspNetCore.StaticFiles;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Notices;

namespace XiheWorkflow.Web.Endpoints;

public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in people who may see a notice carrying the file; public attachments get their own route with the public pages.
        app.MapGet("/attachments/{sha256}", async (string sha256, string? name, AttachmentStore store, NoticeQueries notices,
            HttpContext http, CancellationToken ct) =>
        {
            if (!await notices.MayOpenAttachmentAsync(sha256, Actor.FromPrincipal(http.User), ct)) return Results.NotFound();
            var stream = store.Open(sha256);
            if (stream is null) return Results.NotFound();
            var fileName = string.IsNullOrWhiteSpace(name) ? sha256 : Path.GetFileName(name);
            new FileExtensionContentTypeProvider().TryGetContentType(fileName, out var type);
            return Results.File(stream, type ?? "application/octet-stream", fileName);
        }).RequireAuthorization();
    }
}

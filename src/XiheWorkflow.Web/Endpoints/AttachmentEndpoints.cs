using Microsoft.AspNetCore.StaticFiles;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;

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

        // Anyone: an attachment of the revision the public sees of a notice the public may see (the
        // WeChat article's images load from here); 404 for anything else, as if it did not exist.
        app.MapGet("/public/notices/{id:int}/attachments/{sha256}", async (int id, string sha256, AttachmentStore store,
            PublicNotices notices, CancellationToken ct) =>
        {
            if (await notices.AttachmentAsync(id, sha256, ct) is not { } attachment) return Results.NotFound();
            var stream = store.Open(attachment.Sha256);
            if (stream is null) return Results.NotFound();
            return Results.File(stream, attachment.ContentType, Path.GetFileName(attachment.FileName));
        }).AllowAnonymous();
    }
}

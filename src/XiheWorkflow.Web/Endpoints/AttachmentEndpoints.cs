using Microsoft.AspNetCore.StaticFiles;
using XiheWorkflow.Core.Notices;

namespace XiheWorkflow.Web.Endpoints;

public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in staff only; public attachments of published notices get their own route with the public pages.
        app.MapGet("/attachments/{sha256}", (string sha256, string? name, AttachmentStore store) =>
        {
            var stream = store.Open(sha256);
            if (stream is null) return Results.NotFound();
            var fileName = string.IsNullOrWhiteSpace(name) ? sha256 : Path.GetFileName(name);
            new FileExtensionContentTypeProvider().TryGetContentType(fileName, out var type);
            return Results.File(stream, type ?? "application/octet-stream", fileName);
        }).RequireAuthorization();
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using XiheWorkflow.Core.Comments;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Web.Endpoints;

public static class PublicCommentEndpoints
{
    public const string RateLimitPolicy = "public-comments";

    /// <summary>The JSON body of INTERFACES.md §6; <c>kind</c> is an optional extension (意见建议 by default).</summary>
    public sealed record PublicCommentRequest(string? Content, string? Name, string? Contact, string? Kind);

    /// <summary>Per client address: 10 posts in 10 minutes by default (Xihe:PublicComments:PermitLimit / WindowMinutes).</summary>
    public static void AddPublicCommentRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetValue("Xihe:PublicComments:PermitLimit", 10);
        var window = TimeSpan.FromMinutes(configuration.GetValue("Xihe:PublicComments:WindowMinutes", 10.0));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The feedback form on the public page posts to the page itself: same allowance per address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/public/notices")
                    ? RateLimitPartition.GetFixedWindowLimiter("form:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
        });
    }

    public static void MapPublicCommentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/public/notices/{id:int}/comments", async (int id, HttpRequest request, SubmitPublicComment submit, CancellationToken ct) =>
        {
            if (!request.HasJsonContentType()) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            PublicCommentRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<PublicCommentRequest>(ct);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [Core.Resources.Messages.Get("Comment.BodyNotJson")] });
            }
            if (body is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [Core.Resources.Messages.Get("Comment.BodyNotJson")] });

            var command = new SubmitPublicComment.Command(id, body.Content, body.Name, body.Contact);
            var errors = SubmitPublicComment.Validate(command);
            var kind = CommentKind.Suggestion;
            if (body.Kind is not null && !CodeLabels.TryParse(body.Kind, out kind)) errors["kind"] = [Core.Resources.Messages.Get("Comment.KindUnknown")];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            var result = await submit.HandleAsync(command with { Kind = kind }, ct);
            return result.Outcome switch
            {
                SubmitPublicComment.Outcome.Created => Results.Json(new { id = result.CommentId }, statusCode: StatusCodes.Status201Created),
                SubmitPublicComment.Outcome.NotFound => Results.NotFound(),
                _ => Results.Problem(Core.Resources.Messages.Get("Comment.WindowClosed"), statusCode: StatusCodes.Status409Conflict),
            };
        })
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
    }
}

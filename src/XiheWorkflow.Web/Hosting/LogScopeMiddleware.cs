using System.Security.Claims;

namespace XiheWorkflow.Web.Hosting;

/// <summary>
/// Puts the signed-in user's id and name into the log scope of everything the request does (the
/// host already adds RequestId and TraceId), including a Blazor circuit's long-lived connection.
/// </summary>
public class LogScopeMiddleware(RequestDelegate next, ILogger<LogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            await next(context);
            return;
        }
        using (logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = userId, ["UserName"] = context.User.Identity?.Name }))
        {
            await next(context);
        }
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;

namespace XiheWorkflow.Web.Hosting;

/// <summary>
/// Gives an unhandled exception a short reference that the error page shows and the log carries,
/// so a person can read it out on the phone and the administrator finds the stack trace.
/// </summary>
public partial class ErrorReference(ILogger<ErrorReference> logger) : IExceptionHandler
{
    public const string ItemKey = "xihe.error-reference";

    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var reference = "XH-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        context.Items[ItemKey] = reference;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        // The request's own user scope has unwound with the exception by now, so it is set again here.
        using (logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = userId, ["UserName"] = context.User.Identity?.Name }))
        {
            LogUnhandled(logger, exception, reference, context.Request.Method, context.Request.Path, userId);
        }
        // Not handled here: the exception handler goes on to render the /Error page with the reference.
        return ValueTask.FromResult(false);
    }

    public static string? Of(HttpContext? context) => context?.Items[ItemKey] as string;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception, error reference {ErrorReference}: {Method} {Path} (user {UserId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string errorReference, string method, string path, string? userId);
}

namespace XiheWorkflow.Web.Identity;

/// <summary>
/// A user created with a one-time password changes it before doing anything else; the server
/// enforces it, not only the page.
/// </summary>
public class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/password", "/logout", "/login", "/_framework", "/_content", "/assets", "/healthz", "/culture"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(XiheClaimsFactory.MustChangePassword, "true")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }
        return next(context);
    }
}

using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Web.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<XiheDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Text("ok")
                : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }
}

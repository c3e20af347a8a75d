using Microsoft.AspNetCore.Authorization;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Dashboard;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Web.Components;
using XiheWorkflow.Web.Features.Dashboard;

namespace XiheWorkflow.Web.Endpoints;

/// <summary>The list behind a dashboard number as a file: downloads need an HTTP response, not the circuit.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/export", async (string? metric, int? month, int? year, int? from, int? to, int? office, int? category, string? channel,
            string? format, DashboardExport export, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(metric)) return Results.BadRequest();
            var filter = DashboardLinks.Parse(year, from, to, office, category, channel, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year);
            var kind = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? DashboardExport.Format.Csv : DashboardExport.Format.Xlsx;
            var (content, type, name) = await export.HandleAsync(metric, filter, month, kind, Actor.FromPrincipal(http.User), ct);
            return Results.File(content, type, name);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.Dashboard });
    }
}

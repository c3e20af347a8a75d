using Microsoft.AspNetCore.Authorization;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Web.Components;

namespace XiheWorkflow.Web.Endpoints;

/// <summary>Downloads of the applications register and the annual report: files need an HTTP response, not the circuit.</summary>
public static class RequestsEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapRequestsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/requests/letters/{id:int}", async (int id, OpenLetter open, HttpContext http, CancellationToken ct) =>
        {
            var letter = await open.HandleAsync(id, Actor.FromPrincipal(http.User), ct);
            return letter is { } l ? Results.File(l.Content, DocxType, l.FileName) : Results.NotFound();
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.Requests });

        app.MapGet("/report/{year:int}/docx", async (int year, ExportAnnualReport export, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var (_, docx) = await export.DocxAsync(year, Actor.FromPrincipal(http.User), ct);
                return Results.File(docx, DocxType, $"{year}年政府信息公开工作年度报告.docx");
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.AnnualReport });

        app.MapGet("/report/{year:int}/json", async (int year, BuildAnnualReport build, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var report = await build.HandleAsync(year, Actor.FromPrincipal(http.User), ct);
                return Results.Text(AnnualReportJson.Serialize(report), "application/json; charset=utf-8");
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PageRoles.AnnualReport });
    }
}

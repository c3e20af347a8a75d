using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Cli.Commands;

/// <summary>`xihe report annual --year Y [--format json|docx] [--out FILE]` (INTERFACES.md §3, §5).</summary>
public static class ReportCommands
{
    public static Command Create(CliContext cli)
    {
        var report = new Command("report", "Reports computed from the register");
        var year = new Option<int>("--year") { Description = "Report year, e.g. 2024", Required = true };
        var format = new Option<string>("--format") { Description = "json (default) or docx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "docx");
        var outFile = new Option<string?>("--out") { Description = "Write to FILE instead of standard output (required for docx)" };
        var annual = new Command("annual", "The annual report on government information disclosure; exit 1 when a consistency check fails") { year, format, outFile };
        annual.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            var docx = parse.GetValue(format) == "docx";
            var path = parse.GetValue(outFile);
            if (docx && string.IsNullOrWhiteSpace(path)) throw new CliInputException("--format docx needs --out FILE (a .docx cannot go to standard output).");

            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<BuildAnnualReport>().HandleAsync(y, Actor.CommandLine, ct);

            if (path is null)
            {
                await cli.Out.WriteLineAsync(AnnualReportJson.Serialize(result));
            }
            else
            {
                try
                {
                    if (docx)
                    {
                        // The same document as the report page's download, with the officer's sections 五 and 六.
                        var (_, bytes) = await scope.ServiceProvider.GetRequiredService<ExportAnnualReport>().DocxAsync(y, Actor.CommandLine, ct);
                        await File.WriteAllBytesAsync(path, bytes, ct);
                    }
                    else
                    {
                        await using var stream = File.Create(path);
                        AnnualReportJson.Write(result, stream);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliInputException($"{path}: cannot write the report ({e.Message})");
                }
            }

            var failed = result.Checks.Where(c => !c.Ok).ToList();
            if (failed.Count == 0) return XiheCli.Ok;
            await cli.Error.WriteLineAsync($"xihe: {failed.Count} consistency check(s) failed: {string.Join(", ", failed.Select(c => $"{c.Rule} ({c.Description})"))}");
            return XiheCli.Found;
        });
        report.Subcommands.Add(annual);
        return report;
    }
}

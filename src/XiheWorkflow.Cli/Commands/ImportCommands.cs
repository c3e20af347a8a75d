using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Importing;

namespace XiheWorkflow.Cli.Commands;

/// <summary>`xihe import FILE [--kind K]` (INTERFACES.md §3–4): all or nothing, one line on any error.</summary>
public static class ImportCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "Bundle (.json), or one kind of record (.csv, .xlsx) with a header row naming the fields" };
        var kind = new Option<string?>("--kind") { Description = "What a .csv or .xlsx file holds: applications, appeals, notices or yearFigures" };
        var import = new Command("import", "Import an old ledger: applications, appeals, year figures and notices published before the system") { file, kind };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            ImportKind? importKind = null;
            var kindText = parse.GetValue(kind);
            if (kindText is not null)
            {
                if (!ImportBundleParser.TryParseKind(kindText, out var k))
                {
                    throw new CliInputException($"--kind must be applications, appeals, notices or yearFigures, got '{kindText}'.");
                }
                importKind = k;
            }
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<ImportLedger>().HandleAsync(path, importKind, Actor.CommandLine, ct);
            await cli.Out.WriteLineAsync(result.Summary);
            return XiheCli.Ok;
        });
        return import;
    }
}

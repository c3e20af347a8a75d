using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Cli.Commands;

public static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var db = new Command("db", "Database commands");
        var migrate = new Command("migrate", "Create or upgrade the database in the data directory");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var dir = services.GetRequiredService<IOptions<XiheOptions>>().Value.ResolvedDataDirectory;
            await cli.Out.WriteLineAsync($"Database is up to date in {dir}");
            return XiheCli.Ok;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Cli.Commands;

public static class SeedCommands
{
    public static Command Create(CliContext cli)
    {
        var seed = new Command("seed", "Seed data");
        var demo = new Command("demo", "Seed demo accounts and demo notices into a database with no users and no notices");
        demo.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (!await seeder.CanSeedAsync(ct))
            {
                throw new CliInputException("the database already has users or notices; demo data goes only into an empty database.");
            }
            await seeder.SeedAsync(ct);
            await cli.Out.WriteLineAsync($"Demo data seeded. Accounts: {string.Join(", ", DemoAccounts.All.Select(a => a.UserName))}; password {DemoAccounts.Password}");
            return XiheCli.Ok;
        });
        seed.Subcommands.Add(demo);
        return seed;
    }
}

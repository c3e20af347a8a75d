using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Cli.Commands;

public static class UserCommands
{
    public static Command Create(CliContext cli)
    {
        var users = new Command("users", "User accounts");
        var name = new Option<string>("--name") { Description = "User name (sign-in name)", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = "Role code or Chinese label (Staff, SupervisingLeader, DisclosureOfficer, LeadingGroup, OfficeHead, Admin); repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var office = new Option<string?>("--office") { Description = "Office (科室) the user belongs to, by its Chinese name" };
        var display = new Option<string?>("--display-name") { Description = "Name shown on screen (default: the user name)" };
        var add = new Command("add", "Create a user and print a one-time password") { name, role, office, display };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(
                new CreateUser.Command(parse.GetValue(name)!, parse.GetValue(display), parse.GetValue(role)!, parse.GetValue(office)),
                Actor.CommandLine, ct);
            await cli.Out.WriteLineAsync($"User {result.UserName} created. One-time password (must be changed at first sign-in): {result.OneTimePassword}");
            return XiheCli.Ok;
        });
        users.Subcommands.Add(add);
        return users;
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Operations;

namespace XiheWorkflow.Cli.Commands;

/// <summary>`xihe backup --out FILE` and `xihe restore FILE` (INTERFACES.md §3).</summary>
public static class BackupCommands
{
    public static Command CreateBackup(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "Archive to write (.zip); an existing file is not overwritten", Required = true };
        var backup = new Command("backup", "Write one archive of the database (online copy, safe while the app runs) and the attachments") { output };
        backup.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CreateBackup>().HandleAsync(parse.GetValue(output)!, ct);
            await cli.Out.WriteLineAsync(
                $"backup written to {result.Path} ({result.Bytes} bytes, {result.Attachments} attachments, schema {result.SchemaMigration ?? "none"})");
            return XiheCli.Ok;
        });
        return backup;
    }

    public static Command CreateRestore(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "Archive written by 'xihe backup'" };
        var restore = new Command("restore", "Restore a backup into an empty (or not yet existing) data directory, then migrate it") { file };
        restore.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RestoreBackup>().HandleAsync(parse.GetValue(file)!, ct);
            await cli.Out.WriteLineAsync(
                $"restored the backup of {result.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC into {result.DataDirectory} ({result.Attachments} attachments)");
            return XiheCli.Ok;
        });
        return restore;
    }
}

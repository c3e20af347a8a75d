using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Auditing;

namespace XiheWorkflow.Cli.Commands;

/// <summary>`xihe audit verify` (INTERFACES.md §3): exit 0 intact, 1 names the first broken entry.</summary>
public static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var audit = new Command("audit", "Audit log commands");
        var verify = new Command("verify", "Check the audit log's hash chain; exit 1 names the first broken entry");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = cli.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync(Actor.CommandLine, ct);
            if (result.FirstBroken is not { } broken)
            {
                await cli.Out.WriteLineAsync($"{result.Entries} entries, chain intact");
                return XiheCli.Ok;
            }
            await cli.Out.WriteLineAsync(Describe(broken, result.Entries));
            return XiheCli.Found;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    public static string Describe(VerifyAuditChain.BrokenEntry broken, long intactBefore) => broken.Kind switch
    {
        VerifyAuditChain.BreakKind.Edited =>
            $"chain broken at entry {broken.Sequence} (id {broken.Id}): its content does not match its hash (edited); {intactBefore} entries before it are intact",
        VerifyAuditChain.BreakKind.NotLinked =>
            $"chain broken at entry {broken.Sequence} (id {broken.Id}): it does not follow the entry before it (reordered, or that entry was changed); {intactBefore} entries before it are intact",
        VerifyAuditChain.BreakKind.EntriesMissing =>
            $"chain broken at entry {broken.Sequence} (id {broken.Id}): entries {broken.ExpectedSequence}–{broken.Sequence - 1} are missing (deleted); {intactBefore} entries before it are intact",
        _ => $"chain broken after entry {broken.Sequence - 1}: the entries after it were deleted; {intactBefore} entries are intact",
    };
}

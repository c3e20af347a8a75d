using System.CommandLine;
using XiheWorkflow.Cli.Commands;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Cli;

/// <summary>
/// `xihe`: thin commands over Core. Exit codes (INTERFACES.md §3): 0 success, 1 the command ran and
/// found something, 2 bad usage or bad input with one clear line on stderr.
/// </summary>
public static class XiheCli
{
    public const int Ok = 0, Found = 1, BadInput = 2;

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Data directory (SQLite file, attachments, backups); default Xihe__DataDirectory",
        Recursive = true,
    };

    public static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("xihe — command line of XiheWorkflow (硝河乡政务公开工作流)");
        root.Options.Add(DataDir);
        var context = new CliContext(output, error);
        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(SeedCommands.Create(context));
        root.Subcommands.Add(UserCommands.Create(context));
        root.Subcommands.Add(CalendarCommands.Create(context));
        root.Subcommands.Add(PrivacyCommands.Create(context));
        root.Subcommands.Add(ImportCommands.Create(context));
        root.Subcommands.Add(ReportCommands.Create(context));
        root.Subcommands.Add(BackupCommands.CreateBackup(context));
        root.Subcommands.Add(BackupCommands.CreateRestore(context));
        root.Subcommands.Add(AuditCommands.Create(context));
        return root;
    }

    /// <summary>
    /// Bad usage as INTERFACES.md §3 wants it: one line on stderr, prefixed "xihe: " like every other
    /// error — what is wrong (every parser error, joined) and where the usage of the command concerned
    /// is, e.g. <c>xihe: Option '--name' is required. See 'xihe users add --help' for usage.</c>
    /// </summary>
    internal static string UsageLine(ParseResult parsed)
    {
        var path = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            path.Insert(0, r.Command is RootCommand ? "xihe" : r.Command.Name);
        var messages = parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()).Distinct().ToList();
        // "xihe bogus": the unknown word says it all; that no (known) command was given is implied.
        if (messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        var errors = string.Join(' ', messages.Select(m => m.EndsWith('.') ? m : m + "."));
        return $"xihe: {errors} See '{string.Join(' ', path)} --help' for usage.";
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync(UsageLine(parsed));
            return BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"xihe: {e.Message}");
            return BadInput;
        }
        catch (ImportException e)
        {
            // The first error names file, record and field; the message says how many more there are.
            await error.WriteLineAsync($"xihe: {e.Message}");
            return BadInput;
        }
        catch (StartupException e)
        {
            await error.WriteLineAsync($"xihe: {e.Message}");
            return BadInput;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync($"xihe: {Messages.For(e)}");
            return BadInput;
        }
    }
}

/// <summary>Bad input found by a command: printed as one line on stderr, exit 2.</summary>
public class CliInputException(string message) : Exception(message);

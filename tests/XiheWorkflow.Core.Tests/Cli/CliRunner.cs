using XiheWorkflow.Cli;

namespace XiheWorkflow.Core.Tests.Cli;

/// <summary>Runs `xihe` in-process with captured output, as a shell would see it.</summary>
public static class CliRunner
{
    public record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        // A test database's own settings (its PostgreSQL database) go with its data directory.
        var dataDir = Array.IndexOf(args, "--data-dir") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        CliContext.Overrides.Value = dataDir is null ? null : TestDatabase.SettingsFor(dataDir);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await XiheCli.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }
}

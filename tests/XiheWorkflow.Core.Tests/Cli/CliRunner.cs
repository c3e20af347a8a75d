using XiheWorkflow.Cli;

namespace XiheWorkflow.Core.Tests.Cli;

/// <summary>Runs `xihe` in-process with captured output, as a shell would see it.</summary>
public static class CliRunner
{
    public record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await XiheCli.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }
}

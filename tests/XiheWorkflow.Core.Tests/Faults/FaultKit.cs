using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace XiheWorkflow.Core.Tests.Faults;

/// <summary>
/// Real processes on a real data directory: `xihe` and the fault drill run as children of the
/// test, so that kill -9 ends them as a power cut or an OOM killer would.
/// </summary>
internal static class FaultKit
{
    /// <summary>Starts <c>dotnet NAME.dll ARGS</c> from the test's output folder with stdout and stderr redirected.</summary>
    public static Process Start(string assembly, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
            // A test database's data directory: the child opens the same database (PostgreSQL when the suite runs there).
            foreach (var (key, value) in TestDatabase.SettingsFor(a) ?? new Dictionary<string, string?>())
                start.Environment[key.Replace(":", "__")] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs a child to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string assembly, params string[] args)
    {
        using var process = Start(assembly, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>kill -9: no finally block, no disposal, no flush runs in the child.</summary>
    public static async Task KillNineAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>
    /// SQLite's <c>PRAGMA integrity_check</c> of the file. PostgreSQL keeps its own files whole (the
    /// killed process was a client, the server lives on): there the database only has to answer.
    /// </summary>
    public static async Task<string?> IntegrityCheckAsync(string dataDirectory)
    {
        if (TestDatabase.SettingsFor(dataDirectory)?.GetValueOrDefault("ConnectionStrings:Xihe") is { } postgres)
        {
            await using var server = new Npgsql.NpgsqlConnection(postgres);
            await server.OpenAsync();
            await using var answer = new Npgsql.NpgsqlCommand("SELECT 'ok'", server);
            return (string?)await answer.ExecuteScalarAsync();
        }
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "xihe.db")};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string?)await check.ExecuteScalarAsync();
    }

    /// <summary>`xihe audit verify` in its own process, as an administrator would run it after the restart.</summary>
    public static async Task AuditChainIntactAsync(string dataDirectory)
    {
        var (code, output, error) = await RunAsync("xihe", "audit", "verify", "--data-dir", dataDirectory);
        code.ShouldBe(0, output + error);
        output.ShouldContain("chain intact");
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace XiheWorkflow.Core.Tests.Faults;

/// <summary>
/// The power goes (kill -9) while `xihe import` is writing a large ledger: after restart the file is
/// intact and the import is either wholly there or wholly absent — never half.
/// </summary>
public sealed class KillDuringImportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xihe-fault-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static string LargeLedger(string path, int count)
    {
        var json = new StringBuilder("{\"applications\":[");
        for (var i = 1; i <= count; i++)
        {
            if (i > 1) json.Append(',');
            json.Append($"{{\"reference\":\"KILL-{i:D6}\",\"applicantType\":\"NaturalPerson\",\"channel\":\"Online\",")
                .Append($"\"receivedOn\":\"2024-03-05\",\"request\":\"申请公开{i}号文件\",\"outcome\":\"Disclosed\",\"closedOn\":\"2024-03-20\"}}");
        }
        json.Append("]}");
        File.WriteAllText(path, json.ToString());
        return path;
    }

    private Process StartXihe(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "xihe.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(_dir);
        return Process.Start(start)!;
    }

    /// <summary>
    /// Kills the import once its transaction has spilled this many bytes into the WAL file: then
    /// the kill lands in the middle of writing, not before it starts or after it commits.
    /// </summary>
    [Theory]
    [InlineData(64 * 1024)]
    [InlineData(1024 * 1024)]
    public async Task KillNine_MidImport_DatabaseIntactAndImportAllOrNothing(long walBytes)
    {
        Directory.CreateDirectory(_dir);
        using (var migrate = StartXihe("db", "migrate"))
        {
            await migrate.WaitForExitAsync();
            migrate.ExitCode.ShouldBe(0);
        }
        // Large enough that the transaction spills past SQLite's page cache into the WAL before it commits.
        const int count = 60_000;
        var ledger = LargeLedger(Path.Combine(_dir, "ledger.json"), count);

        var wal = new FileInfo(Path.Combine(_dir, "xihe.db-wal"));
        using (var import = StartXihe("import", ledger))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!import.HasExited && DateTime.UtcNow < deadline)
            {
                wal.Refresh();
                if (wal.Exists && wal.Length >= walBytes) break;
                await Task.Delay(20);
            }
            import.HasExited.ShouldBeFalse("the import finished before it could be killed mid-write");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "xihe.db")}");
        await connection.OpenAsync();
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            (await check.ExecuteScalarAsync()).ShouldBe("ok");
        }
        await using (var countCommand = connection.CreateCommand())
        {
            countCommand.CommandText = "SELECT COUNT(*) FROM Applications WHERE Reference LIKE 'KILL-%'";
            var imported = Convert.ToInt32(await countCommand.ExecuteScalarAsync());
            imported.ShouldBeOneOf(0, count);
        }
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();

        // After the crash the same import still runs to completion: nothing half-written blocks it.
        using var again = StartXihe("import", ledger);
        await again.WaitForExitAsync();
        again.ExitCode.ShouldBe(0, await again.StandardError.ReadToEndAsync());
    }
}

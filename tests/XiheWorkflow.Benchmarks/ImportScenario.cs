using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Importing;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// import.vs_raw: rows per second of `xihe import` (parse, validate, one EF transaction) divided by
/// one prepared ADO.NET transaction inserting the same rows into the same table, side by side.
/// </summary>
public sealed class ImportScenario : IScenario
{
    public string Name => "Import";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var count = run.Quick ? 20_000 : 50_000;
        // A small round first, so JIT and EF's model building are not billed to either side; then
        // rounds side by side, each on a fresh file, the best of each side counted: the first
        // rounds still run code the JIT has not optimised yet, and the two cores are shared (a
        // single round varies by a third).
        var folder = Path.Combine(Path.GetTempPath(), "xihe-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await MeasureAsync(await LedgerFileAsync(folder, 500, ct), 500, ct);
            var ledger = await LedgerFileAsync(folder, count, ct);
            var best = (Import: TimeSpan.MaxValue, Raw: TimeSpan.MaxValue, Parse: TimeSpan.MaxValue);
            for (var round = 0; round < (run.Quick ? 12 : 8); round++)
            {
                var (import, raw, parse) = await MeasureAsync(ledger, count, ct);
                best = (Min(best.Import, import), Min(best.Raw, raw), Min(best.Parse, parse));
            }
            run.Figure("import.rows_per_s", count / best.Import.TotalSeconds);
            run.Figure("import.raw_rows_per_s", count / best.Raw.TotalSeconds);
            run.Figure("import.vs_raw", best.Raw.TotalSeconds / best.Import.TotalSeconds);
            run.Figure("import.parse_share", best.Parse.TotalSeconds / best.Import.TotalSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> LedgerFileAsync(string folder, int count, CancellationToken ct)
    {
        var path = Path.Combine(folder, $"ledger-{count}.json");
        await File.WriteAllTextAsync(path, Ledger(count), ct);
        return path;
    }
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// One round: the ledger parsed alone, imported by the use case into a fresh database, and the
    /// same rows written raw into another; each timing starts after a full collection, so neither
    /// side pays for the other's garbage.
    /// </summary>
    private static async Task<(TimeSpan Import, TimeSpan Raw, TimeSpan Parse)> MeasureAsync(string ledger, int count, CancellationToken ct)
    {
        try
        {
            Collect();
            var parse = Stopwatch.StartNew();
            ImportBundleParser.ParseFile(ledger, null);
            var parsing = parse.Elapsed;

            TimeSpan viaImport;
            await using (var db = await BenchmarkDatabase.CreateAsync())
            {
                await using var scope = db.Services.CreateAsyncScope();
                var import = scope.ServiceProvider.GetRequiredService<ImportLedger>();
                Collect();
                var watch = Stopwatch.StartNew();
                await import.HandleAsync(ledger, null, Actor.CommandLine, ct);
                viaImport = watch.Elapsed;
            }

            TimeSpan raw;
            await using (var db = await BenchmarkDatabase.CreateAsync())
            {
                Collect();
                raw = await RawInsertAsync(db.ConnectionString, count, ct);
            }
            return (viaImport, raw, parsing);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Ledger(int count)
    {
        var json = new StringBuilder("{\"applications\":[");
        for (var i = 1; i <= count; i++)
        {
            if (i > 1) json.Append(',');
            json.Append($"{{\"reference\":\"B-{i:D7}\",\"applicantType\":\"NaturalPerson\",\"channel\":\"Online\",")
                .Append($"\"receivedOn\":\"2024-03-05\",\"request\":\"申请公开第{i}号文件\",\"outcome\":\"Disclosed\",\"closedOn\":\"2024-03-20\"}}");
        }
        return json.Append("]}").ToString();
    }

    private static async Task<TimeSpan> RawInsertAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // Every column bound as the import binds it, so both sides write the same rows.
        string[] columns = ["Reference", "ApplicantType", "Channel", "ReceivedOn", "Request", "ApplicantName", "ApplicantContact",
                            "Outcome", "ClosedOn", "Events", "IsImported", "Version"];
        insert.CommandText = $"INSERT INTO Applications ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var p = columns.ToDictionary(c => c, c => insert.Parameters.Add("$" + c, SqliteType.Text));
        insert.Prepare();
        for (var i = 1; i <= count; i++)
        {
            p["Reference"].Value = $"B-{i:D7}";
            p["ApplicantType"].Value = "NaturalPerson";
            p["Channel"].Value = "Online";
            p["ReceivedOn"].Value = "2024-03-05";
            p["Request"].Value = $"申请公开第{i}号文件";
            p["ApplicantName"].Value = DBNull.Value;
            p["ApplicantContact"].Value = DBNull.Value;
            p["Outcome"].Value = "Disclosed";
            p["ClosedOn"].Value = "2024-03-20";
            p["Events"].Value = "[]";
            p["IsImported"].Value = 1;
            p["Version"].Value = 0;
            insert.ExecuteNonQuery();
        }
        await transaction.CommitAsync(ct);
        return watch.Elapsed;
    }
}

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
        // A small round first, so JIT and EF's model building are not billed to either side.
        await MeasureAsync(null, 500, ct);
        await MeasureAsync(run, run.Quick ? 10_000 : 50_000, ct);
    }

    private static async Task MeasureAsync(BenchmarkRun? run, int count, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xihe-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var ledger = Path.Combine(folder, "ledger.json");
            await File.WriteAllTextAsync(ledger, Ledger(count), ct);

            var parse = Stopwatch.StartNew();
            ImportBundleParser.ParseFile(ledger, null);
            var parsing = parse.Elapsed;

            TimeSpan viaImport;
            await using (var db = await BenchmarkDatabase.CreateAsync())
            {
                await using var scope = db.Services.CreateAsyncScope();
                var import = scope.ServiceProvider.GetRequiredService<ImportLedger>();
                var watch = Stopwatch.StartNew();
                await import.HandleAsync(ledger, null, Actor.CommandLine, ct);
                viaImport = watch.Elapsed;
            }

            TimeSpan raw;
            await using (var db = await BenchmarkDatabase.CreateAsync())
            {
                raw = await RawInsertAsync(db.ConnectionString, count, ct);
            }

            if (run is null) return;
            run.Figure("import.rows_per_s", count / viaImport.TotalSeconds);
            run.Figure("import.raw_rows_per_s", count / raw.TotalSeconds);
            run.Figure("import.vs_raw", raw.TotalSeconds / viaImport.TotalSeconds);
            run.Figure("import.parse_share", parsing.TotalSeconds / viaImport.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
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

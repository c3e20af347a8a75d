using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// 年度报告 on generated data (full: 50,000 live notices with their events and channel postings,
/// 50,000 imported historical notices, 20,000 applications and 1,000 appeals over ten years;
/// --quick: a twentieth). <c>report.history_growth</c> is the time of the annual report of the
/// current year — <see cref="BuildAnnualReport"/>, as `xihe report` and the page compute it —
/// after ten times more closed history is added (copies shifted into earlier decades) against
/// before. Closed history cannot change this year's figures, so the two reports must be equal.
/// </summary>
public sealed class ReportScenario : IScenario
{
    public string Name => "Report";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var scale = run.Quick ? 20 : 1;
        var dir = Path.Combine(Path.GetTempPath(), $"xihe-bench-report-{Environment.ProcessId}");
        var services = Build(dir);
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            }
            var year = ChinaTime.DateOf(DateTime.UtcNow).Year;
            var watch = Stopwatch.StartNew();
            await GenerateAsync(services, 50_000 / scale, 50_000 / scale, 20_000 / scale, 1_000 / scale, year, ct);
            run.Output.WriteLine($"# report data generated in {watch.Elapsed.TotalSeconds:0} s");

            var officer = new Actor("bench", "bench", new HashSet<string> { Roles.DisclosureOfficer });
            async Task<AnnualReport> ReportAsync()
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<BuildAnnualReport>().HandleAsync(year, officer, ct);
            }
            var connection = $"Data Source={Path.Combine(dir, "xihe.db")}";

            // Both timings start from a checkpointed file, so neither reads through a long WAL the other did not have.
            await CheckpointAsync(connection, ct);
            var before = AnnualReportJson.Serialize(await ReportAsync());
            // Warm until the JIT has tiered the code up; else the first side is timed on slower code than the second.
            for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(2); ) await ReportAsync();
            var plain = await BestAsync(15, ReportAsync);
            run.Figure("report.ms", plain.TotalMilliseconds);

            watch.Restart();
            await AddClosedHistoryAsync(connection, 10, ct);
            run.Output.WriteLine($"# report history ×10 added in {watch.Elapsed.TotalSeconds:0} s");
            await CheckpointAsync(connection, ct);
            var after = AnnualReportJson.Serialize(await ReportAsync());
            if (after != before) throw new InvalidOperationException("closed history in earlier years changed this year's report");
            var grown = await BestAsync(15, ReportAsync);
            run.Figure("report.history_ms", grown.TotalMilliseconds);
            run.Figure("report.history_growth", grown / plain);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            // XIHE_BENCH_KEEP=1 keeps the file for EXPLAIN QUERY PLAN (sqlite3 <dir>/xihe.db).
            if (Environment.GetEnvironmentVariable("XIHE_BENCH_KEEP") is null)
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
            else run.Output.WriteLine($"# report database kept in {dir}");
        }
    }

    private static ServiceProvider Build(string dir)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Xihe:DataDirectory"] = dir }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddXiheCore(config);
        return services.BuildServiceProvider();
    }

    private static async Task CheckpointAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<TimeSpan> BestAsync<T>(int runs, Func<Task<T>> action)
    {
        var best = TimeSpan.MaxValue;
        for (var k = 0; k < runs; k++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }

    /// <summary>
    /// Deterministic: ten years skewed to recent ones, as a live register is. Most work is closed;
    /// the last weeks hold what is still open. Documents (规章, 规范性文件) are sometimes repealed.
    /// </summary>
    private static async Task GenerateAsync(ServiceProvider services, int liveNotices, int historical, int applications, int appeals,
        int year, CancellationToken ct)
    {
        var random = new Random(20261127);
        var contexts = services.GetRequiredService<IDbContextFactory<XiheDbContext>>();
        List<int> offices, categories;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            offices = await db.Offices.Select(o => o.Id).ToListAsync(ct);
            categories = await db.Categories.Select(c => c.Id).ToListAsync(ct);
        }
        var now = DateTime.UtcNow;
        var end = now.AddDays(-1);
        var start = end.AddYears(-10);
        var span = (end - start).TotalMinutes;
        var today = ChinaTime.DateOf(now);
        DateTime When() => start.AddMinutes(span * Math.Sqrt(random.NextDouble()));
        var kinds = Enum.GetValues<NoticeKind>();
        // A 公示 needs its window's terms to be published; the report does not tell it apart.
        var liveKinds = kinds.Where(k => k != NoticeKind.Publicity).ToArray();
        var channels = Enum.GetValues<Channel>();
        var author = new NoticeActor("author", "作者", new HashSet<string> { Roles.Staff }, new HashSet<int>());
        var leader = new NoticeActor("leader", "领导", new HashSet<string> { Roles.SupervisingLeader }, new HashSet<int>(offices));
        var officer = new NoticeActor("officer", "公开负责人", new HashSet<string> { Roles.DisclosureOfficer }, new HashSet<int>());
        const int batch = 2000;

        for (var done = 0; done < liveNotices; done += batch)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var added = new List<Notice>();
            for (var i = done; i < Math.Min(liveNotices, done + batch); i++)
            {
                var at = When();
                var n = Notice.Draft(new NoticeContent
                {
                    Title = $"公开事项 {i}", BodyHtml = "<p>正文</p>", CategoryId = categories[random.Next(categories.Count)],
                    OfficeId = offices[random.Next(offices.Count)], Kind = liveKinds[random.Next(liveKinds.Length)],
                    Channels = [channels[random.Next(3)], .. random.Next(2) == 0 ? new[] { Channel.WeChat } : []],
                    Form = (ContentForm)random.Next(4), Origin = (ContentOrigin)random.Next(2), LegalBasis = "条例",
                }, author, at);
                n.Submit(author, [WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer], at.AddHours(2));
                n.Apply(NoticeAction.Approve, leader, at.AddHours(4), new DecisionInput("同意"));
                n.Apply(NoticeAction.Approve, officer, at.AddHours(6), new DecisionInput("同意"));
                n.Apply(NoticeAction.Publish, officer, at.AddHours(8));
                // A third of the documents (规章, 规范性文件) left the pages later: 已失效 at a review, or 回收.
                if (n.Kind is NoticeKind.Regulation or NoticeKind.NormativeDocument && random.Next(3) == 0
                    && at.AddDays(random.Next(30, 1500)) is var ended && ended < end)
                {
                    n.Apply(random.Next(2) == 0 ? NoticeAction.Expire : NoticeAction.Withdraw, officer, ended, new DecisionInput("已废止"));
                }
                added.Add(n);
            }
            db.Notices.AddRange(added);
            await db.SaveChangesAsync(ct);
            foreach (var n in added)
            {
                var on = ChinaTime.DateOf(n.PublishedAtUtc!.Value);
                foreach (var channel in n.Channels)
                {
                    // Most go out the day they are published; some wait a few days.
                    var postedOn = on.AddDays(random.Next(4) == 0 ? random.Next(1, 5) : 0);
                    if (postedOn > today) postedOn = today;
                    db.NoticePostings.Add(NoticePosting.Posted(n.Id, channel, n.CurrentRevision, postedOn, null, null,
                        n.Form, n.Origin, "officer", "公开负责人", now));
                }
            }
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < historical; i++)
            {
                var published = DateOnly.FromDateTime(When());
                // A third are documents; a third of those were repealed later.
                var kind = random.Next(3) == 0 ? (random.Next(2) == 0 ? NoticeKind.Regulation : NoticeKind.NormativeDocument) : kinds[random.Next(kinds.Length)];
                DateOnly? repealed = kind is NoticeKind.Regulation or NoticeKind.NormativeDocument && random.Next(3) == 0
                    ? published.AddDays(random.Next(30, 1500)) : null;
                if (repealed > today) repealed = null;
                db.HistoricalNotices.Add(new HistoricalNotice($"H-{i}", $"历史公开事项 {i}", offices[random.Next(offices.Count)],
                    categories[random.Next(categories.Count)], kind, [channels[random.Next(channels.Length)]],
                    (ContentForm)random.Next(4), (ContentOrigin)random.Next(2), published, repealed, now));
            }
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var outcomes = Enum.GetValues<ApplicationOutcome>();
            var types = Enum.GetValues<ApplicantType>();
            for (var i = 0; i < applications; i++)
            {
                var received = DateOnly.FromDateTime(When());
                var closedOn = received.AddDays(random.Next(5, 30));
                var closed = closedOn <= today && (received < today.AddDays(-40) || random.Next(3) > 0);
                db.Applications.Add(DisclosureApplication.Import($"R-{i}", types[random.Next(types.Length)], ApplicationChannel.Online, received, "申请",
                    closed ? outcomes[random.Next(outcomes.Length)] : null, closed ? closedOn : null));
            }
            var appealKinds = Enum.GetValues<AppealKind>();
            var results = Enum.GetValues<AppealResult>();
            for (var i = 0; i < appeals; i++)
            {
                var filed = DateOnly.FromDateTime(When());
                var closedOn = filed.AddDays(random.Next(30, 90));
                var closed = closedOn <= today && (filed < today.AddDays(-120) || random.Next(2) > 0);
                db.Appeals.Add(Appeal.Import($"A-{i}", appealKinds[random.Next(appealKinds.Length)], filed,
                    closed ? results[random.Next(results.Length)] : null, closed ? closedOn : null));
            }
            for (var y = year - 9; y <= year; y++)
            {
                db.YearFigures.Add(new YearFigure(new YearFigures(y, random.Next(10), random.Next(10), random.Next(5), random.Next(100) / 10m)));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Copies every closed record <paramref name="times"/> times into earlier decades: published
    /// notices (not documents still in force) and repealed documents with their events and
    /// postings, closed applications and appeals, imported notices
    /// other than documents still in force. Open work stays as it is.
    /// </summary>
    private static async Task AddClosedHistoryAsync(string connectionString, int times, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        async Task<List<string>> Columns(string table)
        {
            var list = new List<string>();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA table_info({table})";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) list.Add(reader.GetString(1));
            return list.Where(c => c != "Id").ToList();
        }
        async Task Exec(string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        static string Shift(string column, int years) => $"CASE WHEN {column} IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', {column}, '-{years} years') END";
        static string ShiftDate(string column, int years) => $"CASE WHEN {column} IS NULL THEN NULL ELSE date({column}, '-{years} years') END";
        static string List(IEnumerable<string> columns) => string.Join(", ", columns);

        var notices = await Columns("Notices");
        var events = await Columns("NoticeEvents");
        var revisions = await Columns("NoticeRevisions");
        var postings = await Columns("NoticePostings");
        var historical = await Columns("HistoricalNotices");
        var apps = await Columns("Applications");
        var appeals = await Columns("Appeals");
        var figures = await Columns("YearFigures");
        // Closed history only: documents still in force count in every later year, so they are not copied.
        await Exec("CREATE TEMP TABLE Base AS SELECT Id FROM Notices WHERE (State = 'Published' AND Kind NOT IN ('Regulation', 'NormativeDocument')) OR State IN ('Expired', 'Withdrawn')");
        await Exec("CREATE TEMP TABLE Map (Old INTEGER PRIMARY KEY, New INTEGER)");
        for (var k = 1; k <= times; k++)
        {
            var years = 10 * k;
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Exec("DELETE FROM Map");
            await Exec("INSERT INTO Map (Old, New) SELECT Id, (SELECT MAX(Id) FROM Notices) + ROW_NUMBER() OVER (ORDER BY Id) FROM Base");
            string NoticeValue(string c) => c switch
            {
                "IndexNumber" => "NULL",
                "FormedOn" or "ReviewDueOn" or "PublicityFrom" or "PublicityTo" => ShiftDate(c, years),
                "CreatedAtUtc" or "UpdatedAtUtc" or "WaitingSinceUtc" or "PublishedAtUtc" or "ScheduledAtUtc" or "PublicityEndsAtUtc"
                    or "RepublishedAtUtc" => Shift(c, years),
                _ => c,
            };
            await Exec($"INSERT INTO Notices (Id, {List(notices)}) SELECT m.New, {List(notices.Select(NoticeValue))} FROM Notices n JOIN Map m ON m.Old = n.Id");
            await Exec($"INSERT INTO NoticeEvents ({List(events)}) SELECT {List(events.Select(c => c switch { "NoticeId" => "m.New", "AtUtc" => Shift(c, years), _ => c }))} FROM NoticeEvents e JOIN Map m ON m.Old = e.NoticeId");
            await Exec($"INSERT INTO NoticeRevisions ({List(revisions)}) SELECT {List(revisions.Select(c => c switch { "NoticeId" => "m.New", "FrozenAtUtc" => Shift(c, years), _ => c }))} FROM NoticeRevisions r JOIN Map m ON m.Old = r.NoticeId");
            await Exec($"INSERT INTO NoticePostings ({List(postings)}) SELECT {List(postings.Select(c => c switch { "NoticeId" => "m.New", "PostedOn" => ShiftDate(c, years), "RecordedAtUtc" => Shift(c, years), _ => c }))} FROM NoticePostings p JOIN Map m ON m.Old = p.NoticeId");
            await Exec($"INSERT INTO HistoricalNotices ({List(historical)}) SELECT {List(historical.Select(c => c switch { "Reference" => $"Reference || '-h{k}'", "PublishedOn" or "RepealedOn" => ShiftDate(c, years), _ => c }))} FROM HistoricalNotices WHERE Reference NOT LIKE '%-h%' AND (Kind NOT IN ('Regulation', 'NormativeDocument') OR RepealedOn IS NOT NULL)");
            await Exec($"INSERT INTO Applications ({List(apps)}) SELECT {List(apps.Select(c => c switch { "Reference" => $"Reference || '-h{k}'", "ReceivedOn" or "ClosedOn" => ShiftDate(c, years), _ => c }))} FROM Applications WHERE Outcome IS NOT NULL AND Reference NOT LIKE '%-h%'");
            await Exec($"INSERT INTO Appeals ({List(appeals)}) SELECT {List(appeals.Select(c => c switch { "Reference" => $"Reference || '-h{k}'", "FiledOn" or "ClosedOn" => ShiftDate(c, years), _ => c }))} FROM Appeals WHERE Result IS NOT NULL AND Reference NOT LIKE '%-h%'");
            await Exec($"INSERT INTO YearFigures ({List(figures)}) SELECT {List(figures.Select(c => c == "Year" ? $"Year - {years}" : c))} FROM YearFigures WHERE Year > (SELECT MAX(Year) FROM YearFigures) - 10");
            await tx.CommitAsync(ct);
        }
    }
}

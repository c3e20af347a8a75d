using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Dashboard;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// 统计看板 on generated data (full: 100,000 notices with their events and posting records,
/// 1,000,000 comments, 20,000 applications over ten years; --quick: a twentieth).
/// <c>dashboard.first_render_ms</c> is the page's first render (its service calls, cold);
/// <c>dashboard.vs_raw</c> is the dashboard's queries against the same aggregates hand-written in SQL
/// on the same file; <c>dashboard.history_growth</c> is the dashboard's time after ten times more
/// closed history is added (copies shifted into earlier years) against before.
/// </summary>
public sealed class DashboardScenario : IScenario
{
    public string Name => "Dashboard";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var scale = run.Quick ? 20 : 1;
        var dir = Path.Combine(Path.GetTempPath(), $"xihe-bench-dashboard-{Environment.ProcessId}");
        var services = Build(dir);
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            }
            var year = ChinaTime.DateOf(DateTime.UtcNow).Year;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await GenerateAsync(services, 100_000 / scale, 1_000_000 / scale, 20_000 / scale, year, ct);
            run.Output.WriteLine($"# generated in {watch.Elapsed.TotalSeconds:0} s");

            var queries = services.GetRequiredService<DashboardQueries>();
            var head = new Actor("bench", "bench", new HashSet<string> { Roles.OfficeHead });
            var filter = new DashboardFilter(year);
            var connection = services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContext().Database.GetConnectionString()!;

            // 统计看板's first render: the calls DashboardPage makes (form options, then the overview), the
            // first time in this process — JIT, query compilation and fresh connections (no SQLite page
            // cache) included, each call on a new DbContext.
            var notices = services.GetRequiredService<NoticeQueries>();
            SqliteConnection.ClearAllPools();
            watch.Restart();
            await notices.FormOptionsAsync(ct);
            await queries.OverviewAsync(filter, head, ct);
            run.Figure("dashboard.first_render_ms", watch.Elapsed.TotalMilliseconds);

            var calendar = await services.GetRequiredService<CalendarProvider>().GetAsync(ct);
            var options = services.GetRequiredService<IOptions<XiheOptions>>().Value;
            var (dashboard, raw) = await BestOfAlternatingAsync(() => queries.OverviewAsync(filter, head, ct), () => { Raw(connection, year, calendar, options); return Task.CompletedTask; });
            run.Figure("dashboard.ms", dashboard.TotalMilliseconds);
            run.Figure("dashboard.raw_ms", raw.TotalMilliseconds);
            run.Figure("dashboard.vs_raw", dashboard / raw);

            watch.Restart();
            await AddClosedHistoryAsync(connection, 10, ct);
            run.Output.WriteLine($"# history ×10 added in {watch.Elapsed.TotalSeconds:0} s");
            var (grown, _) = await BestOfAlternatingAsync(() => queries.OverviewAsync(filter, head, ct), () => Task.CompletedTask);
            run.Figure("dashboard.history_ms", grown.TotalMilliseconds);
            run.Figure("dashboard.history_growth", grown / dashboard);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
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

    /// <summary>
    /// Best wall-clock times of two actions once both are warm, run alternately so that a noisy
    /// neighbour weighs on both alike. Warm is at least 30 runs (the runtime optimises a method after
    /// 30 calls) and 5 seconds (it recompiles in the background, profile-guided, in steps): what a server
    /// answering the page all day runs, where the cold first call is dashboard.first_render_ms.
    /// </summary>
    private static async Task<(TimeSpan A, TimeSpan B)> BestOfAlternatingAsync(Func<Task> a, Func<Task> b, int runs = 10)
    {
        var warming = System.Diagnostics.Stopwatch.StartNew();
        for (var k = 0; k < 30 || warming.Elapsed < TimeSpan.FromSeconds(5); k++)
        {
            await a();
            await b();
        }
        var (bestA, bestB) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var k = 0; k < runs; k++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await a();
            if (watch.Elapsed < bestA) bestA = watch.Elapsed;
            watch.Restart();
            await b();
            if (watch.Elapsed < bestB) bestB = watch.Elapsed;
        }
        return (bestA, bestB);
    }

    /// <summary>Deterministic: ten years of notices (most published, a few per cent still open), their comments and applications.</summary>
    private static async Task GenerateAsync(ServiceProvider services, int notices, int comments, int applications, int year, CancellationToken ct)
    {
        var random = new Random(20261126);
        var contexts = services.GetRequiredService<IDbContextFactory<XiheDbContext>>();
        List<int> offices, categories;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            offices = await db.Offices.Select(o => o.Id).ToListAsync(ct);
            categories = await db.Categories.Select(c => c.Id).ToListAsync(ct);
        }
        var publicity = new PublicityTerms(new PublicityRule(5, PeriodUnit.WorkingDays), await services.GetRequiredService<CalendarProvider>().GetAsync(ct));
        var end = DateTime.UtcNow.AddDays(-1);
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var start = end.AddYears(-10);
        var span = (end - start).TotalMinutes;
        NoticeKind[] kinds = Enum.GetValues<NoticeKind>();
        Channel[] channels = Enum.GetValues<Channel>();
        var ids = new List<int>();
        const int batch = 2000;
        for (var done = 0; done < notices; done += batch)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var added = new List<Notice>();
            for (var i = done; i < Math.Min(notices, done + batch); i++)
            {
                var office = offices[random.Next(offices.Count)];
                var author = new NoticeActor("author", "作者", new HashSet<string> { Roles.Staff }, new HashSet<int>());
                var leader = new NoticeActor("leader", "领导", new HashSet<string> { Roles.SupervisingLeader }, new HashSet<int>(offices));
                var officer = new NoticeActor("officer", "公开负责人", new HashSet<string> { Roles.DisclosureOfficer }, new HashSet<int>());
                // Skewed to recent years, as a live system is; the last 3% are still open.
                var at = start.AddMinutes(span * Math.Sqrt(random.NextDouble()));
                var open = random.NextDouble() < 0.03;
                if (open) at = end.AddDays(-random.Next(1, 30));
                var n = Notice.Draft(new NoticeContent
                {
                    Title = $"公开事项 {i}", BodyHtml = "<p>正文</p>", CategoryId = categories[random.Next(categories.Count)], OfficeId = office,
                    Kind = kinds[random.Next(kinds.Length)], Channels = [channels[random.Next(3)], .. random.Next(2) == 0 ? new[] { Channel.WeChat } : []],
                    Form = (ContentForm)random.Next(4), Origin = (ContentOrigin)random.Next(2), LegalBasis = "条例",
                    FormedOn = DateOnly.FromDateTime(at.AddDays(-random.Next(0, 30))),
                }, author, at);
                n.Submit(author, [WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer], at.AddHours(2));
                if (!open || random.Next(2) == 0) n.Apply(NoticeAction.Approve, leader, at.AddDays(1), new DecisionInput("同意"));
                if (!open)
                {
                    n.Apply(NoticeAction.Approve, officer, at.AddDays(2), new DecisionInput("同意"));
                    // A 公示 opens its window on publication; the sweeper closes it once it has ended, and
                    // the few that drew an objection are concluded (办结) after the answer, as in a live system.
                    n.Apply(NoticeAction.Publish, officer, at.AddDays(3), new DecisionInput(Publicity: n.Kind == NoticeKind.Publicity ? publicity : null));
                    if (n.PublicityEndsAtUtc is { } ends && ends <= end)
                    {
                        var objected = random.Next(20) == 0;
                        n.Apply(NoticeAction.CloseWindow, NoticeActor.Scheduler, ends, new DecisionInput(OpenObjections: objected ? 1 : 0));
                        if (objected && ends.AddDays(3) <= end) n.Apply(NoticeAction.Conclude, officer, ends.AddDays(3), new DecisionInput("异议已答复"));
                    }
                }
                added.Add(n);
            }
            db.Notices.AddRange(added);
            await db.SaveChangesAsync(ct);
            ids.AddRange(added.Select(n => n.Id));
            // Channel figures count posting records: each published notice is posted on its channels within
            // a few days (WeChat with its form and origin); now and then a channel is marked not needed.
            foreach (var n in added.Where(n => n.PublishedAtUtc is not null))
            {
                foreach (var channel in n.Channels)
                {
                    var on = ChinaTime.DateOf(n.PublishedAtUtc!.Value).AddDays(random.Next(3));
                    if (on > today) on = today;
                    db.NoticePostings.Add(random.Next(20) == 0
                        ? NoticePosting.NotNeeded(n.Id, channel, 1, "本期不需要", "x", "录入", ChinaTime.StartOfDayUtc(on).AddHours(10))
                        : NoticePosting.Posted(n.Id, channel, 1, on, null, null, n.Form, n.Origin,
                            "x", "录入", ChinaTime.StartOfDayUtc(on).AddHours(10)));
                }
            }
            await db.SaveChangesAsync(ct);
        }

        for (var done = 0; done < comments; done += batch * 5)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(comments, done + batch * 5); i++)
            {
                var received = start.AddMinutes(span * Math.Sqrt(random.NextDouble()));
                var c = Comment.Record(ids[random.Next(ids.Count)], (CommentSource)random.Next(6), (CommentKind)random.Next(4), "意见", null, null, received, null, "录入");
                if (received < end.AddDays(-20) || random.Next(2) == 0) c.Respond(CommentStatus.Answered, "答复", null, "x", "答复人", received.AddDays(random.Next(1, 12)));
                db.Comments.Add(c);
            }
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var outcomes = Enum.GetValues<ApplicationOutcome>();
            for (var i = 0; i < applications; i++)
            {
                var received = DateOnly.FromDateTime(start.AddMinutes(span * Math.Sqrt(random.NextDouble())));
                var closed = received < DateOnly.FromDateTime(end).AddDays(-40) || random.Next(3) > 0;
                db.Applications.Add(DisclosureApplication.Import($"B-{i}", ApplicantType.NaturalPerson, ApplicationChannel.Online, received, "申请",
                    closed ? outcomes[random.Next(outcomes.Length)] : null, closed ? received.AddDays(random.Next(5, 30)) : null));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Copies every closed record (published or concluded notices with their events, postings and answered comments; closed applications) <paramref name="times"/> times into earlier decades, keeping open work as it is.</summary>
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
            return list;
        }
        async Task Exec(string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        string Shift(string column, int years) => $"CASE WHEN {column} IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', {column}, '-{years} years') END";
        string ShiftDate(string column, int years) => $"CASE WHEN {column} IS NULL THEN NULL ELSE date({column}, '-{years} years') END";

        var notices = (await Columns("Notices")).Where(c => c != "Id").ToList();
        var events = (await Columns("NoticeEvents")).Where(c => c != "Id").ToList();
        var comments = (await Columns("Comments")).Where(c => c != "Id").ToList();
        var apps = (await Columns("Applications")).Where(c => c != "Id").ToList();
        var postings = (await Columns("NoticePostings")).Where(c => c != "Id").ToList();
        await Exec("CREATE TEMP TABLE Base AS SELECT Id FROM Notices WHERE State IN ('Published', 'Concluded')");
        for (var k = 1; k <= times; k++)
        {
            var years = 10 * k;
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Exec("CREATE TEMP TABLE IF NOT EXISTS Map (Old INTEGER PRIMARY KEY, New INTEGER)");
            await Exec("DELETE FROM Map");
            await Exec("INSERT INTO Map (Old, New) SELECT Id, (SELECT MAX(Id) FROM Notices) + ROW_NUMBER() OVER (ORDER BY Id) FROM Base");
            string NoticeValue(string c) => c switch
            {
                "IndexNumber" => "NULL",
                "FormedOn" => ShiftDate(c, years),
                "CreatedAtUtc" or "UpdatedAtUtc" or "WaitingSinceUtc" or "PublishedAtUtc" => Shift(c, years),
                _ => c,
            };
            await Exec($"INSERT INTO Notices (Id, {string.Join(",", notices)}) SELECT m.New, {string.Join(",", notices.Select(NoticeValue))} FROM Notices n JOIN Map m ON m.Old = n.Id");
            await Exec($"INSERT INTO NoticeEvents ({string.Join(",", events)}) SELECT {string.Join(",", events.Select(c => c switch { "NoticeId" => "m.New", "AtUtc" => Shift(c, years), _ => c }))} FROM NoticeEvents e JOIN Map m ON m.Old = e.NoticeId");
            await Exec($"INSERT INTO NoticePostings ({string.Join(",", postings)}) SELECT {string.Join(",", postings.Select(c => c switch { "NoticeId" => "m.New", "PostedOn" => ShiftDate(c, years), "RecordedAtUtc" => Shift(c, years), _ => c }))} FROM NoticePostings p JOIN Map m ON m.Old = p.NoticeId");
            await Exec($"INSERT INTO Comments ({string.Join(",", comments)}) SELECT {string.Join(",", comments.Select(c => c switch { "NoticeId" => "m.New", "ReceivedAtUtc" or "AnsweredAtUtc" => Shift(c, years), _ => c }))} FROM Comments c JOIN Map m ON m.Old = c.NoticeId WHERE c.Status <> 'Pending'");
            await Exec($"INSERT INTO Applications ({string.Join(",", apps)}) SELECT {string.Join(",", apps.Select(c => c switch { "Reference" => $"Reference || '-h{k}'", "ReceivedOn" or "ClosedOn" => ShiftDate(c, years), _ => c }))} FROM Applications WHERE Outcome IS NOT NULL AND Reference NOT LIKE '%-h%'");
            await tx.CommitAsync(ct);
        }
        await Exec("ANALYZE");
    }

    /// <summary>
    /// The same aggregates as the dashboard, hand-written in SQL: every figure the overview shows,
    /// each read the way one would write it by hand, rows only read (nothing computed from them).
    /// Thresholds that need the working-day calendar are worked out first, as the dashboard does.
    /// </summary>
    private static void Raw(string connectionString, int year, WorkingCalendar calendar, XiheOptions options)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        static DateOnly LastDayMoreThan(WorkingCalendar calendar, DateOnly today, int workdays)
        {
            var day = today;
            while (calendar.WorkdaysBetween(day, today) <= workdays) day = day.AddDays(-1);
            return day;
        }
        var today = ChinaTime.DateOf(DateTime.UtcNow);
        var from = Instant(ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1)));
        var to = Instant(ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));
        var first = $"{year}-01-01";
        var last = $"{year}-12-31";
        var overLimitBefore = Instant(ChinaTime.StartOfDayUtc(LastDayMoreThan(calendar, today, options.ReviewLimitWorkdays).AddDays(1)));
        // Art. 26 as Timeliness judges it (every generated category keeps the default limit): late once the
        // day is after the deadline, i.e. formed on or before the last day with the limit's working days before the day.
        static DateOnly LastDayFormedLate(WorkingCalendar calendar, DateOnly day) => LastDayMoreThan(calendar, day.AddDays(-1), Timeliness.DefaultLimitDays - 1);
        var lateFormedBy = LastDayFormedLate(calendar, today).ToString("yyyy-MM-dd");
        var closingBy = calendar.AddWorkdays(today, 3).ToString("yyyy-MM-dd");
        var reportYear = today.Year - 1; // the report due this year is last year's
        // Per China day of the year: its UTC instants and a threshold from the working-day calendar, as JSON.
        string Days(Func<DateOnly, string> threshold)
        {
            var days = new List<string[]>();
            for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            {
                days.Add([Instant(ChinaTime.StartOfDayUtc(d)), Instant(ChinaTime.EndOfDayUtc(d)), threshold(d)]);
            }
            return System.Text.Json.JsonSerializer.Serialize(days);
        }
        var late = Days(d => LastDayFormedLate(calendar, d).ToString("yyyy-MM-dd"));
        var due = Days(d => Instant(ChinaTime.EndOfDayUtc(calendar.AddWorkdays(d, options.CommentAnswerWorkdays))));
        string[] sql =
        [
            // Names for the figures.
            "SELECT Id, Name, IsActive FROM Offices ORDER BY SortOrder",
            "SELECT Id, Name FROM Categories",
            // Now: open work by state and stage role, its longest wait, reviews over the limit, items past the timeliness limit.
            $"SELECT State, CASE WHEN State = 'InReview' THEN json_extract(Stages, '$[' || StageIndex || '].role') END, COUNT(*), MIN(WaitingSinceUtc), COUNT(CASE WHEN WaitingSinceUtc < '{overLimitBefore}' THEN 1 END), COUNT(CASE WHEN FormedOn <= '{lateFormedBy}' THEN 1 END) FROM Notices WHERE State IN ('InReview','Approved','Returned','InPublicity','PublicityEnded') GROUP BY 1, 2",
            "SELECT date(c.ReceivedAtUtc, '+8 hours'), COUNT(*) FROM Comments c JOIN Notices n ON n.Id = c.NoticeId WHERE c.Status = 'Pending' AND c.Kind = 'Objection' AND n.State <> 'Draft' GROUP BY 1",
            "SELECT Id, ReceivedOn, Events FROM Applications WHERE Outcome IS NULL",
            $"SELECT Id, PublicityTo FROM Notices WHERE State = 'InPublicity' AND PublicityTo <= '{closingBy}'",
            $"SELECT EXISTS (SELECT 1 FROM ReportTexts WHERE Year = {reportYear})",
            // The year: publications, channel postings, timeliness, policy documents and interpretations, comments, applications.
            $"SELECT strftime('%m', PublishedAtUtc, '+8 hours'), OfficeId, CategoryId, COUNT(*) FROM Notices WHERE PublishedAtUtc >= '{from}' AND PublishedAtUtc < '{to}' AND State <> 'Draft' GROUP BY 1,2,3",
            $"SELECT strftime('%m', PublishedOn), OfficeId, CategoryId, Form, Origin, Channels, COUNT(*) FROM HistoricalNotices WHERE PublishedOn >= '{first}' AND PublishedOn <= '{last}' GROUP BY 1,2,3,4,5,6",
            $"SELECT strftime('%m', p.PostedOn), p.Channel, p.Form, p.Origin, COUNT(*) FROM NoticePostings p JOIN Notices n ON n.Id = p.NoticeId WHERE p.Status = 'Posted' AND p.PostedOn >= '{first}' AND p.PostedOn <= '{last}' AND n.State <> 'Draft' GROUP BY 1,2,3,4",
            // Published late: for each day of publication, formed on or before the last day that is more than the limit before it.
            "SELECT COUNT(*) FROM json_each($late) d JOIN Notices n ON n.PublishedAtUtc >= json_extract(d.value, '$[0]') AND n.PublishedAtUtc < json_extract(d.value, '$[1]') " +
                "WHERE n.FormedOn <= json_extract(d.value, '$[2]') AND n.State <> 'Draft'",
            $"SELECT Id, Title, OfficeId, Kind, Form, DocumentNumber, PublishedAtUtc FROM Notices WHERE PublishedAtUtc >= '{from}' AND Kind IN ('NormativeDocument','Policy','Interpretation') AND State <> 'Draft'",
            $"SELECT Id, Title, OfficeId, Kind, Form, PublishedOn FROM HistoricalNotices WHERE PublishedOn >= '{first}' AND Kind IN ('NormativeDocument','Policy','Interpretation')",
            // Comments received, answered, answered in time: for each day received, answered before the end of its due day
            // (the office head sees every office and no comment is on a draft, so no notice is visited).
            "SELECT COUNT(*), COUNT(c.AnsweredAtUtc), COUNT(CASE WHEN c.AnsweredAtUtc < json_extract(d.value, '$[2]') THEN 1 END) FROM json_each($due) d " +
                "JOIN Comments c ON c.ReceivedAtUtc >= json_extract(d.value, '$[0]') AND c.ReceivedAtUtc < json_extract(d.value, '$[1]')",
            $"SELECT COUNT(*) FROM Applications WHERE ReceivedOn >= '{first}' AND ReceivedOn <= '{last}'",
            $"SELECT Outcome, COUNT(*) FROM Applications WHERE ClosedOn >= '{first}' AND ClosedOn <= '{last}' AND Outcome IS NOT NULL GROUP BY Outcome",
            // By office: submissions and returns, and each review round closed in the period (its submit, its number of stages).
            $"SELECT n.OfficeId, e.Action, COUNT(*) FROM NoticeEvents e JOIN Notices n ON n.Id = e.NoticeId WHERE e.AtUtc >= '{from}' AND e.AtUtc < '{to}' AND (e.Action IN ('Submit','Return') OR (e.Action = 'Approve' AND e.ToState = 'Approved')) AND n.State <> 'Draft' GROUP BY 1, 2",
            $"SELECT n.OfficeId, a.AtUtc, (SELECT s.AtUtc FROM NoticeEvents s WHERE s.NoticeId = a.NoticeId AND s.Action = 'Submit' AND s.Sequence < a.Sequence ORDER BY s.Sequence DESC LIMIT 1), " +
                "(SELECT COUNT(*) FROM NoticeEvents p WHERE p.NoticeId = a.NoticeId AND p.Action = 'Approve' AND p.Sequence < a.Sequence AND p.Sequence > (SELECT MAX(s.Sequence) FROM NoticeEvents s WHERE s.NoticeId = a.NoticeId AND s.Action = 'Submit' AND s.Sequence < a.Sequence)) " +
                $"FROM NoticeEvents a JOIN Notices n ON n.Id = a.NoticeId WHERE a.AtUtc >= '{from}' AND a.AtUtc < '{to}' AND a.Action = 'Approve' AND a.ToState = 'Approved' AND n.State <> 'Draft'",
        ];
        // Synchronous reads: Microsoft.Data.Sqlite runs the async ones synchronously, only with more overhead.
        foreach (var text in sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = text;
            if (text.Contains("$late")) cmd.Parameters.AddWithValue("$late", late);
            if (text.Contains("$due")) cmd.Parameters.AddWithValue("$due", due);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) { }
        }
    }
}

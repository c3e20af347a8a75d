using System.Text;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// The privacy detectors over a large notice-like text (mostly Chinese prose, ordinary numbers such as
/// dates and amounts, and now and then an ID, mobile or card) and over a large 低保 roster.
/// MB are 2^20 bytes of the text as UTF-8, the size it has as a file.
/// </summary>
public sealed class PrivacyScenario : IScenario
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly string[] Sentences =
    [
        "根据《最低生活保障审核确认办法》有关规定，经村民委员会评议、乡人民政府审核，现将拟享受对象予以公示。",
        "公示期间，如有异议，请向乡民政办反映，我们将依法依规及时调查处理。",
        "本次共审核确认新增保障对象，保障标准按照县人民政府公布的城乡低保标准执行。",
        "各村要将公示名单张贴在村务公开栏显著位置，确保群众知晓，接受社会监督。",
        "严格落实谁公开谁审查、先审后发的要求，不得公开与保障无关的个人信息。",
        "硝河乡人民政府坚持以人民为中心，扎实做好困难群众基本生活保障工作。",
    ];

    public string Name => "Privacy";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var random = new Random(20261126);
        var text = BuildText(random, megabytes: run.Quick ? 5 : 50);
        var bytes = Encoding.UTF8.GetByteCount(text) / (1024.0 * 1024.0);

        var findings = 0;
        var scan = BenchmarkRun.Best(3, () => findings = PrivacyScanner.Scan(text, Today).Count);
        run.Figure("privacy.mb_per_s", bytes / scan.TotalSeconds);
        run.Figure("privacy.text_findings", findings);

        // End to end as `xihe privacy scan` does it: read, decode, split into lines, scan.
        var path = Path.Combine(Path.GetTempPath(), $"xihe-bench-{Environment.ProcessId}.txt");
        await File.WriteAllTextAsync(path, text, ct);
        try
        {
            var scanner = new PrivacyFileScanner(TimeProvider.System);
            var fileScan = BenchmarkRun.Best(3, () => scanner.ScanFileAsync(path, ct).GetAwaiter().GetResult());
            run.Figure("privacy.file_mb_per_s", bytes / fileScan.TotalSeconds);
        }
        finally
        {
            File.Delete(path);
        }

        var (headers, rows) = BuildRoster(random, run.Quick ? 10_000 : 100_000);
        var rosterFindings = 0;
        var rosterScan = BenchmarkRun.Best(3, () => rosterFindings = RosterPrivacyScanner.Scan(headers, rows, Today).Findings.Count);
        run.Figure("privacy.rows_per_s", rows.Length / rosterScan.TotalSeconds);
        run.Figure("privacy.roster_findings", rosterFindings);
    }

    private static string BuildText(Random random, int megabytes)
    {
        var target = megabytes * 1024L * 1024L;
        var text = new StringBuilder();
        long size = 0;
        while (size < target)
        {
            var paragraph = new StringBuilder();
            for (var k = 0; k < 6; k++)
            {
                paragraph.Append(Sentences[random.Next(Sentences.Length)]);
                paragraph.Append(random.Next(10) switch
                {
                    0 => $"户主身份证号{ResidentId(random)}，",
                    1 => $"联系电话{Mobile(random)}。",
                    2 => $"2025年{random.Next(1, 13)}月{random.Next(1, 29)}日发放保障金{random.Next(200, 900)}元。",
                    3 => $"卡号：{Card(random)}；",
                    4 => $"文号硝政发〔2025〕{random.Next(1, 99)}号，咨询电话0951-50{random.Next(10000, 99999)}。",
                    _ => "",
                });
            }
            paragraph.Append('\n');
            size += Encoding.UTF8.GetByteCount(paragraph.ToString());
            text.Append(paragraph);
        }
        return text.ToString();
    }

    private static (string[] Headers, IReadOnlyList<string?>[] Rows) BuildRoster(Random random, int count)
    {
        string[] headers = ["序号", "村组", "户主姓名", "家庭人口", "保障金额（元/月）", "身份证号", "联系电话"];
        string[] villages = ["硝河村", "新庄村", "张堡村", "吴庄村"];
        string[] names = ["曹福", "马晓丽", "任珍东", "向海", "李秀英", "王建国"];
        var rows = new IReadOnlyList<string?>[count];
        for (var k = 0; k < count; k++)
        {
            var leak = random.Next(5) == 0;
            var id = ResidentId(random);
            var mobile = Mobile(random);
            rows[k] =
            [
                (k + 1).ToString(),
                $"{villages[random.Next(villages.Length)]}{random.Next(1, 9)}组",
                names[random.Next(names.Length)],
                random.Next(1, 7).ToString(),
                (random.Next(20, 90) * 5).ToString(),
                leak ? id : $"{id[..6]}********{id[^4..]}",
                leak ? mobile : $"{mobile[..3]}****{mobile[^4..]}",
            ];
        }
        return (headers, rows);
    }

    private static string ResidentId(Random random)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var body = $"6404{random.Next(10, 30)}{random.Next(1940, 2020)}{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(0, 1000):000}";
        var sum = 0;
        for (var k = 0; k < 17; k++) sum += (body[k] - '0') * weights[k];
        return body + "10X98765432"[sum % 11];
    }

    private static string Mobile(Random random) => $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):000000000}";

    private static string Card(Random random)
    {
        var body = $"62{random.Next(0, 100_000_000):00000000}{random.Next(0, 100_000_000):00000000}";
        var sum = 0;
        for (var k = 0; k < body.Length; k++)
        {
            var d = body[body.Length - 1 - k] - '0';
            if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }
}

using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>
/// Computes the annual report from the register, with the year semantics of INTERFACES.md §5:
/// flows (received, closed, issued, repealed, posted) count within the calendar year; stocks
/// (carried over, carried forward, pending, in force) are taken at 1 January and 31 December.
/// </summary>
public static class AnnualReportCalculator
{
    public static AnnualReport Compute(int year, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var tableB = ComputeTableB(inputs.Applications, first, last);
        var tableC = ComputeTableC(inputs.Appeals, first, last);
        return new AnnualReport(
            year,
            ComputeTableA(year, inputs, first, last),
            tableB,
            tableC,
            ComputePublishing(inputs.Postings, first, last),
            ReportChecks.Run(tableB, tableC));
    }

    private static TableA ComputeTableA(int year, ReportInputs inputs, DateOnly first, DateOnly last)
    {
        DocumentCounts Count(NoticeKind kind)
        {
            var docs = inputs.Notices.Where(n => n.Kind == kind).ToList();
            return new DocumentCounts(
                docs.Count(n => Within(n.PublishedOn, first, last)),
                docs.Count(n => n.RepealedOn is { } r && Within(r, first, last)),
                // A document repealed on 31 December no longer is in force on that day.
                docs.Count(n => n.PublishedOn <= last && (n.RepealedOn is not { } r || r > last)));
        }

        var figures = inputs.YearFigures.SingleOrDefault(f => f.Year == year) ?? new YearFigures(year, 0, 0, 0, 0m);
        return new TableA(Count(NoticeKind.Regulation), Count(NoticeKind.NormativeDocument),
            figures.Licensing, figures.Penalty, figures.Enforcement, figures.FeesTenThousandYuan);
    }

    private static TableB ComputeTableB(IEnumerable<ApplicationRecord> applications, DateOnly first, DateOnly last)
    {
        var apps = applications.ToList();
        var rows = new List<TableBRow>
        {
            Row(TableB.Received, apps.Where(a => Within(a.ReceivedOn, first, last))),
            Row(TableB.CarriedOver, apps.Where(a => a.ReceivedOn < first && (a.ClosedOn is not { } c || c >= first))),
        };
        var closed = apps.Where(a => a.Outcome is not null && a.ClosedOn is { } c && Within(c, first, last)).ToList();
        rows.AddRange(ApplicationOutcomes.All.Select(o => Row(o.Code(), closed.Where(a => a.Outcome == o))));
        // Counted from the applications rather than summed from the rows above, so that the
        // B.total check compares two independent counts.
        rows.Add(Row(TableB.TotalRow, closed));
        rows.Add(Row(TableB.CarriedForward, apps.Where(a => a.ReceivedOn <= last && (a.ClosedOn is not { } c || c > last))));
        return new TableB(rows);
    }

    private static TableBRow Row(string code, IEnumerable<ApplicationRecord> applications)
    {
        var values = new int[TableB.Columns.Count];
        foreach (var a in applications)
        {
            values[(int)a.ApplicantType]++;
            values[^1]++;
        }
        return new TableBRow(code, values);
    }

    private static TableC ComputeTableC(IEnumerable<AppealRecord> appeals, DateOnly first, DateOnly last)
    {
        var all = appeals.ToList();
        return new TableC(Enum.GetValues<AppealKind>().Select(kind =>
        {
            var ofKind = all.Where(a => a.Kind == kind).ToList();
            var closed = ofKind.Where(a => a.Result is not null && a.ClosedOn is { } c && Within(c, first, last)).ToList();
            var pending = ofKind.Count(a => a.FiledOn <= last && (a.ClosedOn is not { } c || c > last));
            return new AppealCounts(kind,
                closed.Count(a => a.Result == AppealResult.Upheld),
                closed.Count(a => a.Result == AppealResult.Corrected),
                closed.Count(a => a.Result == AppealResult.Other),
                pending,
                closed.Count + pending);
        }).ToList());
    }

    private static PublishingFigures ComputePublishing(IEnumerable<ChannelPosting> postings, DateOnly first, DateOnly last)
    {
        // A notice reposted on a channel during the year is still one notice on that channel.
        var inYear = postings.Where(p => Within(p.PostedOn, first, last))
            .GroupBy(p => (p.NoticeKey, p.Channel))
            .Select(g => g.MinBy(p => p.PostedOn)!)
            .ToList();
        var wechat = inYear.Where(p => p.Channel == Channel.WeChat).ToList();
        return new PublishingFigures(
            Enum.GetValues<Channel>().ToDictionary(c => c, c => inYear.Count(p => p.Channel == c)),
            Enum.GetValues<ContentForm>().ToDictionary(f => f, f => wechat.Count(p => p.Form == f)),
            Enum.GetValues<ContentOrigin>().ToDictionary(o => o, o => wechat.Count(p => p.Origin == o)));
    }

    private static bool Within(DateOnly day, DateOnly first, DateOnly last) => day >= first && day <= last;
}

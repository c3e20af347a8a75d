using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>The officer's own text of a year's report: section 五 (problems and improvements) and section 六 (other matters).</summary>
public class ReportText
{
    public int Id { get; private set; }
    public int Year { get; private set; }
    public string Problems { get; private set; } = "";
    public string OtherMatters { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Version { get; private set; }

    private ReportText() { }

    public ReportText(int year, string problems, string otherMatters, DateTime nowUtc, string by)
    {
        if (year is < 1990 or > 2200) throw new DomainException("Report.YearOutOfRange", year);
        Year = year;
        Edit(problems, otherMatters, nowUtc, by);
    }

    public void Edit(string problems, string otherMatters, DateTime nowUtc, string by)
    {
        Problems = problems?.Trim() ?? "";
        OtherMatters = otherMatters?.Trim() ?? "";
        UpdatedAtUtc = nowUtc;
        UpdatedBy = by;
        Version++;
    }
}

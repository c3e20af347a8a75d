using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>
/// The figures of a year's table A that other systems count (行政许可, 行政处罚, 行政强制, 行政事业性收费),
/// entered or imported once a year.
/// </summary>
public class YearFigure
{
    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Licensing { get; private set; }
    public int Penalty { get; private set; }
    public int Enforcement { get; private set; }

    /// <summary>In 万元, as the report prints it.</summary>
    public decimal FeesTenThousandYuan { get; private set; }

    public bool IsImported { get; private set; }
    public int Version { get; private set; }

    private YearFigure() { }

    public YearFigure(YearFigures figures, bool imported = false)
    {
        Year = figures.Year;
        IsImported = imported;
        Update(figures);
    }

    public void Update(YearFigures figures)
    {
        if (figures.Year != Year) throw new DomainException("YearFigures.YearMismatch", figures.Year, Year);
        if (figures.Licensing < 0 || figures.Penalty < 0 || figures.Enforcement < 0 || figures.FeesTenThousandYuan < 0)
        {
            throw new DomainException("YearFigures.Negative", Year);
        }
        Licensing = figures.Licensing;
        Penalty = figures.Penalty;
        Enforcement = figures.Enforcement;
        FeesTenThousandYuan = figures.FeesTenThousandYuan;
        Version++;
    }

    public YearFigures ToFigures() => new(Year, Licensing, Penalty, Enforcement, FeesTenThousandYuan);
}

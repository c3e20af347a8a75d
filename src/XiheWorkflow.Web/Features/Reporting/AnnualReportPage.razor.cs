using Microsoft.AspNetCore.Components;
using MudBlazor;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Web.Components.Shared;

namespace XiheWorkflow.Web.Features.Reporting;

public partial class AnnualReportPage
{
    /// <summary>?year=2025 opens that year; otherwise last year, the one being reported on.</summary>
    [SupplyParameterFromQuery(Name = "year")] public int? YearQuery { get; set; }

    [Inject] private BuildAnnualReport Build { get; set; } = default!;
    [Inject] private ReportQueries Queries { get; set; } = default!;
    [Inject] private SaveReportText SaveText { get; set; } = default!;
    [Inject] private AnnualReportDeadline Deadline { get; set; } = default!;
    [Inject] private UserContext User { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private Actor? _actor;
    private int _year;
    private AnnualReport? _report;
    private ReportTextRow? _text;
    private ReportDue? _due;
    private string _problems = "", _otherMatters = "";
    private string? _textError;
    private bool _saving;

    private bool CanEdit => _actor?.IsIn(Roles.DisclosureOfficer) == true;

    private int ThisYear => ChinaTime.DateOf(Clock.GetUtcNow().UtcDateTime).Year;

    private IEnumerable<int> Years => Enumerable.Range(0, 8).Select(i => ThisYear - i).Append(_year).Distinct().OrderDescending();

    protected override async Task OnInitializedAsync()
    {
        _actor = await User.ActorAsync();
        _due = Deadline.Current();
        await YearChanged(YearQuery is >= 1990 and <= 2200 ? YearQuery.Value : ThisYear - 1);
    }

    private async Task YearChanged(int year)
    {
        _year = year;
        _textError = null;
        _report = await Build.HandleAsync(year, _actor!);
        _text = await Queries.TextAsync(year, _actor!);
        _problems = _text.Problems;
        _otherMatters = _text.OtherMatters;
    }

    private async Task SaveTextAsync()
    {
        _textError = null;
        _saving = true;
        try
        {
            var version = await SaveText.HandleAsync(new SaveReportText.Command
            {
                Year = _year, Problems = _problems, OtherMatters = _otherMatters, Version = _text!.FromYear == _year ? _text.Version : 0,
            }, _actor!);
            _text = _text with { FromYear = _year, Version = version };
            Snackbar.Add(R["Common.Saved"], Severity.Success);
        }
        catch (DomainException e)
        {
            _textError = Messages.For(e);
        }
        finally
        {
            _saving = false;
        }
    }
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Web.Features.Admin;

public partial class CategoryDialog
{
    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;
    [Parameter] public Actor Actor { get; set; } = default!;
    /// <summary>The category to edit; null to add one.</summary>
    [Parameter] public ListReferenceData.CategoryRow? Row { get; set; }
    [Parameter] public IReadOnlyList<ListReferenceData.WorkflowTemplateRow> Workflows { get; set; } = [];

    private string _name = "";
    private NoticeKind _kind = NoticeKind.Announcement;
    private IReadOnlyCollection<Channel> _channels = [Channel.PlatformDisclosure];
    private bool _major;
    private int? _period;
    private PeriodUnit _unit = PeriodUnit.CalendarDays;
    private int? _workflowId;
    private bool _dayCounts = true, _moveEnd;
    private int _timeliness = Timeliness.DefaultLimitDays;
    private int _reviewMonths = Category.DefaultReviewMonths;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _failure;
    private bool _saving;

    protected override void OnInitialized()
    {
        _workflowId = Workflows.FirstOrDefault()?.Id;
        if (Row is null) return;
        (_name, _kind, _channels, _major, _period, _unit, _workflowId) =
            (Row.Name, Row.DefaultKind, Row.DefaultChannels, Row.IsMajor, Row.PublicityPeriod, Row.PublicityUnit, Row.WorkflowTemplateId);
        (_dayCounts, _moveEnd, _timeliness, _reviewMonths) = (Row.PublicationDayCounts, Row.MoveEndOffHoliday, Row.TimelinessLimitDays, Row.ReviewMonths);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private string WorkflowName(int? id) => Workflows.FirstOrDefault(w => w.Id == id)?.Name ?? "";

    private async Task SaveAsync()
    {
        _failure = null;
        var settings = new CategorySettings(_name, _kind, _channels.OrderBy(c => c).ToList(), _major, _period, _unit, _workflowId,
            _dayCounts, _moveEnd, _timeliness, _reviewMonths);
        _errors = new CategorySettings.Validator().ErrorsByField(settings);
        if (_errors.Count > 0) return;
        _saving = true;
        try
        {
            if (Row is null) await Add.HandleAsync(settings, Actor);
            else await Edit.HandleAsync(new EditCategory.Command(Row.Id, settings, Row.Version), Actor);
            MudDialog.Close(DialogResult.Ok(true));
        }
        catch (DomainException e)
        {
            _failure = Messages.For(e);
        }
        finally
        {
            _saving = false;
        }
    }
}

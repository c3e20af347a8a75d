using Microsoft.AspNetCore.Components;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Web.Components.Shared;

namespace XiheWorkflow.Web.Features.Publicity;

public partial class PublicityTrackerPage
{
    [Inject] private PublicityQueries Queries { get; set; } = default!;
    [Inject] private NoticeQueries Notices { get; set; } = default!;
    [Inject] private UserContext User { get; set; } = default!;
    [Inject] private ChangeNotifier Changes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<OpenWindow> _windows = [];
    private IReadOnlyList<OfficeOption> _offices = [];
    private IReadOnlyList<CategoryOption> _categories = [];
    private int? _office, _category;
    private ITimer? _tick;

    private DateOnly Today => ChinaTime.DateOf(Clock.GetUtcNow().UtcDateTime);

    private IReadOnlyList<OpenWindow> Shown =>
        _windows.Where(w => (_office is null || w.OfficeId == _office) && (_category is null || w.CategoryId == _category)).ToList();

    protected override async Task OnInitializedAsync()
    {
        var options = await Notices.FormOptionsAsync();
        _offices = options.Offices;
        _categories = options.Categories.Where(c => c.PublicityPeriod is not null).ToList();
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        Changes.Changed += OnChanged;
        // The countdown moves on its own; the data only changes when the notifier says so.
        _tick = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private async Task LoadAsync() => _windows = await Queries.OpenWindowsAsync(await User.ActorAsync());

    private void OnChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private string Countdown(OpenWindow w)
    {
        var left = w.EndsAtUtc - Clock.GetUtcNow().UtcDateTime;
        if (left < TimeSpan.Zero) left = TimeSpan.Zero;
        return left.TotalHours >= 24
            ? P["Tracker.DaysHours", (int)left.TotalDays, left.Hours]
            : P["Tracker.HoursMinutes", (int)left.TotalHours, left.Minutes];
    }

    public void Dispose()
    {
        Changes.Changed -= OnChanged;
        _tick?.Dispose();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Web.Components.Shared;

namespace XiheWorkflow.Web.Features.Calendar;

public partial class CalendarAdminPage
{
    [Inject] private ListCalendarYears List { get; set; } = default!;
    [Inject] private SaveCalendarYear Save { get; set; } = default!;
    [Inject] private SaveWebhookSetting Webhook { get; set; } = default!;
    [Inject] private UserContext User { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<CalendarYearRow> _years = [];
    private int? _year;
    private string? _source, _daysOff, _makeUp, _webhook, _error;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        var actor = await User.ActorAsync();
        _years = await List.HandleAsync(actor);
        _webhook = await Webhook.GetAsync(actor);
        _year = (_years.Count > 0 ? _years.Max(y => y.Year) : ChinaTime.DateOf(Clock.GetUtcNow().UtcDateTime).Year) + 1;
    }

    private void Edit(CalendarYearRow y)
    {
        _year = y.Year;
        _source = y.Source;
        _daysOff = Ranges(y.DaysOff);
        _makeUp = Ranges(y.MakeUpWorkdays);
    }

    private async Task SaveYearAsync()
    {
        _error = null;
        if (_year is not { } year) { _error = P["Calendar.YearRequired"]; return; }
        if (!TryParseDates(_daysOff, out var off, out var bad) || !TryParseDates(_makeUp, out var work, out bad))
        {
            _error = P["Calendar.BadDate", bad];
            return;
        }
        await RunAsync(async actor =>
        {
            var saved = await Save.HandleAsync(new SaveCalendarYear.Command(year, off, work, _source?.Trim() ?? ""), actor);
            _years = await List.HandleAsync(actor);
            Snackbar.Add(saved.WindowsRecomputed > 0 ? P["Calendar.SavedRecomputed", year, saved.WindowsRecomputed] : P["Calendar.Saved", year],
                Severity.Success);
        });
    }

    private Task SaveWebhookAsync() => RunAsync(async actor =>
    {
        await Webhook.HandleAsync(_webhook, actor);
        Snackbar.Add(P["Webhook.Saved"], Severity.Success);
    });

    private async Task RunAsync(Func<Core.Actor, Task> work)
    {
        _busy = true;
        _error = null;
        try { await work(await User.ActorAsync()); }
        catch (DomainException e) { _error = Messages.For(e); }
        finally { _busy = false; }
    }

    /// <summary>Dates and ranges as an administrator copies them from the State Council notice.</summary>
    internal static bool TryParseDates(string? text, out List<DateOnly> dates, out string bad)
    {
        dates = [];
        bad = "";
        foreach (var token in (text ?? "").Split([',', '，', '、', ';', '；', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = token.Split(['~', '～', '至'], StringSplitOptions.TrimEntries);
            if (parts.Length is < 1 or > 2 || !TryDate(parts[0], out var from) || !TryDate(parts[^1], out var to) || to < from || to.DayNumber - from.DayNumber > 31)
            {
                bad = token;
                return false;
            }
            for (var d = from; d <= to; d = d.AddDays(1)) dates.Add(d);
        }
        return true;
    }

    private static bool TryDate(string s, out DateOnly d) => IsoDate.TryParse(s, out d);

    private static string Ranges(IReadOnlyList<DateOnly> days)
    {
        var parts = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j].AddDays(1)) j++;
            parts.Add(i == j ? Iso(days[i]) : $"{Iso(days[i])}~{Iso(days[j])}");
            i = j + 1;
        }
        return string.Join("\n", parts);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

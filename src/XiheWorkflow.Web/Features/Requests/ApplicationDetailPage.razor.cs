using Microsoft.AspNetCore.Components;
using MudBlazor;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;
using XiheWorkflow.Web.Components.Shared;

namespace XiheWorkflow.Web.Features.Requests;

public partial class ApplicationDetailPage
{
    [Parameter] public int Id { get; set; }

    [Inject] private ApplicationQueries Queries { get; set; } = default!;
    [Inject] private GenerateLetter Letters { get; set; } = default!;
    [Inject] private UserContext User { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private Actor? _actor;
    private ApplicationDetails? _details;
    private bool _notFound, _busy;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _actor ??= await User.ActorAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _details = await Queries.DetailsAsync(Id, _actor!);
        _notFound = _details is null;
    }

    /// <summary>Only the steps the clock would accept next; the domain still checks each one.</summary>
    private static IEnumerable<ApplicationStep> AvailableSteps(ApplicationDetails d)
    {
        bool Has(ClockEventKind k) => d.Events.Any(e => e.Kind == k);
        if (!Has(ClockEventKind.SupplementRequested)) yield return ApplicationStep.RequestSupplement;
        else if (!Has(ClockEventKind.SupplementReceived)) yield return ApplicationStep.ReceiveSupplement;
        var consulting = d.Events.Count(e => e.Kind == ClockEventKind.ConsultationStarted) > d.Events.Count(e => e.Kind == ClockEventKind.ConsultationEnded);
        yield return consulting ? ApplicationStep.EndConsultation : ApplicationStep.StartConsultation;
        if (!Has(ClockEventKind.ExtensionGranted)) yield return ApplicationStep.Extend;
    }

    private static IEnumerable<LetterKind> LetterKinds(ApplicationDetails d)
    {
        if (d.Events.Any(e => e.Kind == ClockEventKind.SupplementRequested)) yield return LetterKind.SupplementNotice;
        if (d.Events.Any(e => e.Kind == ClockEventKind.ExtensionGranted)) yield return LetterKind.ExtensionNotice;
        if (!d.Row.IsOpen) yield return LetterKind.Reply;
    }

    private string EventDetails(ApplicationEvent e) => e.Kind switch
    {
        ClockEventKind.SupplementRequested when e.DueOn is { } due => R["Event.SupplementDue", ChinaTime.ChineseDate(due)],
        ClockEventKind.ExtensionGranted => R["Event.ExtensionDetails", e.ExtensionDays, e.ApprovedBy ?? "",
            e.ApplicantNotifiedOn is { } told ? ChinaTime.ChineseDate(told) : "—"],
        _ => "",
    };

    private async Task StepAsync(ApplicationStep step)
    {
        var dialog = await Dialogs.ShowAsync<StepDialog>(R[$"Step.{step}"], new DialogParameters<StepDialog>
        {
            { x => x.Actor, _actor! }, { x => x.ApplicationId, Id }, { x => x.Version, _details!.Row.Version }, { x => x.Step, step },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await AfterDialogAsync(dialog);
    }

    private async Task ReplyAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReplyDialog>(R["Application.Reply"], new DialogParameters<ReplyDialog>
        {
            { x => x.Actor, _actor! }, { x => x.ApplicationId, Id }, { x => x.Version, _details!.Row.Version },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await AfterDialogAsync(dialog);
    }

    private async Task AfterDialogAsync(IDialogReference dialog)
    {
        var result = await dialog.Result;
        // A refused stale step closes the dialog too: show the newer state either way.
        if (result is { Canceled: false }) Snackbar.Add(R["Common.Saved"], Severity.Success);
        await LoadAsync();
    }

    private async Task LetterAsync(LetterKind kind)
    {
        _error = null;
        _busy = true;
        try
        {
            await Letters.HandleAsync(Id, kind, _actor!);
            Snackbar.Add(R["Letters.Generated", LetterTemplates.Title(kind)], Severity.Success);
            await LoadAsync();
        }
        catch (DomainException e)
        {
            _error = Messages.For(e);
        }
        finally
        {
            _busy = false;
        }
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Web.Components.Shared;

namespace XiheWorkflow.Web.Features.Notices;

public partial class NoticeEditPage
{
    [Parameter] public int? Id { get; set; }

    [Inject] private NoticeQueries Queries { get; set; } = default!;
    [Inject] private SaveNoticeDraft Save { get; set; } = default!;
    [Inject] private SubmitNotice Submit { get; set; } = default!;
    [Inject] private AttachmentStore Attachments { get; set; } = default!;
    [Inject] private NoticePrivacyCheck Privacy { get; set; } = default!;
    [Inject] private UserContext User { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private readonly IValidator<SaveNoticeDraft.Command> _validator = new SaveNoticeDraft.Validator();
    private SaveNoticeDraft.Command _model = new();
    private MudForm? _form;
    private BodyEditor? _editor;
    private IReadOnlyList<NoticePrivacyFinding> _findings = [];
    private IReadOnlyList<CategoryOption> _categories = [];
    private IReadOnlyList<OfficeOption> _offices = [];
    private bool _ready, _busy, _submitting;
    private string? _error, _loadError, _bodyError, _channelError;

    private string Heading => Id is null ? L["Notice.New"] : L["Notice.Edit"];
    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<PublicityResource> P { get; set; } = default!;

    /// <summary>The category's 公示期: the author may lengthen it here, not shorten it.</summary>
    private int? SelectedPeriod => _categories.FirstOrDefault(c => c.Id == _model.CategoryId)?.PublicityPeriod;

    private string SelectedUnit => CodeLabels.Label(_categories.FirstOrDefault(c => c.Id == _model.CategoryId)?.PublicityUnit ?? default);

    private DateTime? FormedOn => _model.FormedOn?.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnInitializedAsync()
    {
        var actor = await User.ActorAsync();
        (_categories, _offices) = await Queries.FormOptionsAsync();
        if (Id is { } id)
        {
            var d = await Queries.DetailsAsync(id, actor);
            if (d is null || !d.CanEdit) { _loadError = L["Notice.CannotEdit"]; return; }
            _model = new SaveNoticeDraft.Command
            {
                NoticeId = d.Id, ExpectedVersion = d.Version, Title = d.Title, BodyHtml = d.BodyHtml, CategoryId = d.CategoryId,
                OfficeId = d.OfficeId, Kind = d.Kind, Channels = [.. d.Channels], Form = d.Form, Origin = d.Origin,
                LegalBasis = d.LegalBasis, DocumentNumber = d.DocumentNumber, FormedOn = d.FormedOn, Attachments = [.. d.Attachments],
                PublicityDays = d.PublicityDays,
            };
        }
        else
        {
            _model.OfficeId = actor.OfficeId;
        }
        _ready = true;
    }

    private void CategoryChanged(int? id)
    {
        _model.CategoryId = id;
        var category = _categories.FirstOrDefault(c => c.Id == id);
        if (category is null) return;
        _model.Kind = category.Kind;
        if (_model.Channels.Count == 0) _model.Channels = [.. category.Channels];
    }

    /// <summary>MudForm asks per field; the same validator the use case runs answers, in Chinese.</summary>
    private async Task<IEnumerable<string>> ValidateValue(object model, string propertyName)
    {
        var result = await _validator.ValidateAsync((SaveNoticeDraft.Command)model, o =>
        {
            if (_submitting) o.IncludeRuleSets("default", SaveNoticeDraft.Validator.SubmitRules);
        });
        return result.Errors.Where(e => e.PropertyName == propertyName).Select(e => Messages.Get(e.ErrorCode));
    }

    private static string? FirstError(FluentValidation.Results.ValidationResult result, string property) =>
        result.Errors.Where(e => e.PropertyName == property).Select(e => Messages.Get(e.ErrorCode)).FirstOrDefault();

    private Task SaveAsync() => RunAsync(submit: false);

    private Task SubmitAsync() => RunAsync(submit: true);

    private Task SubmitAnywayAsync() => RunAsync(submit: true, acknowledgePrivacy: true);

    /// <summary>一键遮盖: masks title and body in the form; the author saves or submits the result as a new version.</summary>
    private async Task MaskAll()
    {
        (_model.Title, _model.BodyHtml) = Privacy.MaskText(_model.Title, _model.BodyHtml);
        if (_editor is not null) await _editor.SetAsync(_model.BodyHtml);
        _findings = _findings.Where(f => f.Part == NoticePart.Attachment).ToList();
        Snackbar.Add(L["Privacy.Masked"], MudBlazor.Severity.Info);
    }

    private async Task RunAsync(bool submit, bool acknowledgePrivacy = false)
    {
        _error = null;
        _submitting = submit;
        await _form!.Validate();
        var full = await _validator.ValidateAsync(_model, o =>
        {
            if (submit) o.IncludeRuleSets("default", SaveNoticeDraft.Validator.SubmitRules);
        });
        _bodyError = FirstError(full, nameof(_model.BodyHtml));
        _channelError = FirstError(full, nameof(_model.Channels));
        if (!full.IsValid)
        {
            _error = L["Form.HasErrors"];
            return;
        }
        _busy = true;
        try
        {
            var actor = await User.ActorAsync();
            var saved = await Save.HandleAsync(_model, actor);
            _model.NoticeId = saved.NoticeId;
            _model.ExpectedVersion = saved.Version;
            if (!submit)
            {
                Snackbar.Add(L["Notice.Saved"], MudBlazor.Severity.Success);
                Id ??= saved.NoticeId;
                return;
            }
            await Submit.HandleAsync(new SubmitNotice.Command(saved.NoticeId, saved.Version, acknowledgePrivacy), actor);
            Navigation.NavigateTo($"/notices/{saved.NoticeId}");
        }
        catch (DomainException e) when (e.Code == "Privacy.FindingsOnSubmit")
        {
            _findings = await Queries.PrivacyFindingsAsync(_model.NoticeId!.Value, await User.ActorAsync());
            Id ??= _model.NoticeId;
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

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        foreach (var file in e.GetMultipleFiles(20))
        {
            try
            {
                AttachmentStore.CheckAllowed(file.Name, file.Size);
                await using var stream = file.OpenReadStream(AttachmentStore.MaxBytes);
                var stored = await Attachments.SaveAsync(stream, file.Name, file.Size);
                if (_model.Attachments.All(a => a.Sha256 != stored.Sha256)) _model.Attachments.Add(stored);
            }
            catch (DomainException ex)
            {
                _error = Messages.For(ex);
            }
        }
    }
}

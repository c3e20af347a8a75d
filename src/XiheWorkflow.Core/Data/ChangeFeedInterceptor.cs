using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// Raises <see cref="ChangeNotifier"/> once per successful save that touched a notice, a comment or
/// an application, whichever use case made the change, so open dashboards re-query instead of
/// polling. Audit-only saves (refusals) and reference data do not wake anyone.
/// </summary>
public sealed class ChangeFeedInterceptor(ChangeNotifier notifier) : SaveChangesInterceptor
{
    // Keyed by context: EF's async save may call the two halves from different async frames.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RaiseIfPending(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RaiseIfPending(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && Touches(context)) _pending.AddOrUpdate(context, context);
    }

    private void RaiseIfPending(DbContext? context)
    {
        if (context is null || !_pending.Remove(context)) return;
        notifier.Raise();
    }

    private static bool Touches(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Notice or NoticeEvent or Comment or DisclosureApplication or HistoricalNotice);
}

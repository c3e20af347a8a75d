using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// <see cref="XiheDbContext"/>'s model on PostgreSQL. It exists so that PostgreSQL keeps its own
/// migrations set (Data/PostgresMigrations) beside SQLite's (Data/Migrations): EF Core's "one context
/// type per provider" pattern. Add a migration to both for every model change:
/// <code>
/// dotnet ef migrations add Name --project src/XiheWorkflow.Core --context XiheDbContext
/// dotnet ef migrations add Name --project src/XiheWorkflow.Core --context PostgresXiheDbContext
/// </code>
/// </summary>
public class PostgresXiheDbContext(DbContextOptions<XiheDbContext> options) : XiheDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite keeps a decimal as the text it was given (0.0 stays 0.0); numeric(18,4) would hand
        // back 0.0000 and change the annual report's JSON. Unconstrained numeric keeps the scale too.
        var fees = builder.Entity<YearFigure>().Property(f => f.FeesTenThousandYuan).Metadata;
        fees.SetPrecision(null);
        fees.SetScale(null);
    }
}

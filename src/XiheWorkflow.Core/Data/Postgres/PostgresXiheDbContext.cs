using Microsoft.EntityFrameworkCore;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// <see cref="XiheDbContext"/>'s model on PostgreSQL. It exists only so that PostgreSQL keeps its own
/// migrations set (Data/PostgresMigrations) beside SQLite's (Data/Migrations): EF Core's "one context
/// type per provider" pattern. Add a migration to both for every model change:
/// <code>
/// dotnet ef migrations add Name --project src/XiheWorkflow.Core --context XiheDbContext
/// dotnet ef migrations add Name --project src/XiheWorkflow.Core --context PostgresXiheDbContext
/// </code>
/// </summary>
public class PostgresXiheDbContext(DbContextOptions<XiheDbContext> options) : XiheDbContext(options);

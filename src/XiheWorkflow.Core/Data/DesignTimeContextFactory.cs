using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace XiheWorkflow.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
public class DesignTimeContextFactory : IDesignTimeDbContextFactory<XiheDbContext>
{
    public XiheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<XiheDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add … --context PostgresXiheDbContext` build the PostgreSQL model; it never connects.</summary>
public class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresXiheDbContext>
{
    public PostgresXiheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<XiheDbContext>().UseNpgsql("Host=localhost;Database=xihe_design").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace XiheWorkflow.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
public class DesignTimeContextFactory : IDesignTimeDbContextFactory<XiheDbContext>
{
    public XiheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<XiheDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

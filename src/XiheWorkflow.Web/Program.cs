using XiheWorkflow.Core.Data;
using XiheWorkflow.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddXiheWeb();

var app = builder.Build();
try
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}
catch (StartupException e)
{
    app.Logger.LogCritical("{Message}", e.Message);
    Console.Error.WriteLine($"XiheWorkflow cannot start: {e.Message}");
    return 2;
}

app.UseXiheWeb();
await app.RunAsync();
return 0;

public partial class Program;

using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core;

namespace XiheWorkflow.Cli;

/// <summary>Where a command writes, and how it gets the same services the web app uses.</summary>
public class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>
    /// Settings laid over the environment for commands run in this async flow: tests run `xihe`
    /// in-process, in parallel, each against its own database (e.g. a PostgreSQL one).
    /// </summary>
    internal static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> Overrides = new();

    /// <summary>Builds Core's services over the data directory named by --data-dir or the environment.</summary>
    public ServiceProvider BuildServices(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables();
        if (Overrides.Value is { } overrides) configuration.AddInMemoryCollection(overrides);
        var dataDir = parse.GetValue(XiheCli.DataDir);
        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Xihe:DataDirectory"] = dataDir });
        }
        var config = configuration.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
        services.AddXiheCore(config);
        return services.BuildServiceProvider();
    }
}

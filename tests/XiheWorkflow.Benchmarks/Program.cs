using XiheWorkflow.Benchmarks;

// dotnet run -c Release --project tests/XiheWorkflow.Benchmarks -- [SCENARIO ...] [--quick]
IScenario[] scenarios = [new PrivacyScenario(), new ImportScenario(), new DashboardScenario(), new ApiScenario(), new CircuitScenario(), new ReportScenario()];

var quick = args.Contains("--quick");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var unknown = names.Where(n => !scenarios.Any(s => s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

var run = new BenchmarkRun(quick, Console.Out);
foreach (var scenario in scenarios.Where(s => names.Length == 0 || names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
{
    await scenario.RunAsync(run, CancellationToken.None);
}
return 0;

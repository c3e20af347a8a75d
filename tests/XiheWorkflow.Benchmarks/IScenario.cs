using System.Globalization;

namespace XiheWorkflow.Benchmarks;

/// <summary>One benchmark area; each lives in its own file and is listed once in Program.cs.</summary>
public interface IScenario
{
    string Name { get; }

    Task RunAsync(BenchmarkRun run, CancellationToken ct);
}

/// <param name="Quick">Smaller inputs, for a smoke run; figures are not comparable with full runs.</param>
public sealed record BenchmarkRun(bool Quick, TextWriter Output)
{
    /// <summary>Figures are read by scripts: one <c>name: value</c> line each, invariant culture.</summary>
    public void Figure(string name, double value) =>
        Output.WriteLine($"{name}: {value.ToString("0.###", CultureInfo.InvariantCulture)}");

    /// <summary>Best of <paramref name="runs"/> wall-clock timings, so JIT and a noisy neighbour count less.</summary>
    public static TimeSpan Best(int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var k = 0; k < runs; k++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }
}

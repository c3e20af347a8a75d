using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core.Admin;

namespace XiheWorkflow.Web.Tests.Hosting;

public class HardeningTests(HardeningTests.Factory factory) : IClassFixture<HardeningTests.Factory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/healthz")]
    public async Task AnyPage_Anonymous_CarriesTheSecurityHeaders(string path)
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task UnhandledException_SignedIn_ChineseErrorPageWithTheReferenceThatIsInTheLog()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "staff", DemoAccounts.Password);

        var response = await client.GetAsync(Factory.ThrowingPath);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.GetValues("Content-Security-Policy").ShouldNotBeEmpty();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("出错了");
        html.ShouldContain("错误编号");
        html.ShouldNotContain("InvalidOperationException");
        html.ShouldNotContain("secret detail");
        var reference = System.Text.RegularExpressions.Regex.Match(html, "XH-[0-9A-F]{8}").Value;
        reference.ShouldNotBeEmpty();
        var logged = factory.Logs.Where(l => l.Message.Contains(reference)).ShouldHaveSingleItem();
        logged.Exception.ShouldBeOfType<InvalidOperationException>();
        logged.Scopes.ShouldContain(s => s.StartsWith("UserId="));
        logged.Scopes.ShouldContain(s => s.StartsWith("RequestId="));
    }

    /// <summary>The app plus one path, behind all of its middleware, that fails the way a bug would.</summary>
    public class Factory : XiheWebFactory
    {
        public const string ThrowingPath = "/test/throws";

        public ConcurrentQueue<LogLine> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ThrowingPathFilter()));
            builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
        }

        private sealed class ThrowingPathFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == ThrowingPath
                    ? throw new InvalidOperationException("secret detail")
                    : rest(context));
            };
        }
    }

    public record LogLine(string Category, string Message, Exception? Exception, IReadOnlyList<string> Scopes);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<LogLine> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                var scopes = new List<string>();
                provider._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                }, scopes);
                provider.Lines.Enqueue(new LogLine(category, formatter(state, exception), exception, scopes));
            }
        }

        private ConcurrentQueue<LogLine> Lines => lines;
    }
}

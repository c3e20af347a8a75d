using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Publicity;

public sealed class WebhookTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _url;
    private readonly List<string> _bodies = [];
    /// <summary>What the robot answers to each successive post: status code and body.</summary>
    private readonly Queue<(int Status, string Body)> _answers = new();

    public WebhookTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = $"http://127.0.0.1:{port}/cgi-bin/webhook/send/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = ServeAsync();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            lock (_bodies) _bodies.Add(reader.ReadToEnd());
            var (status, body) = _answers.TryDequeue(out var a) ? a : (200, """{"errcode":0,"errmsg":"ok"}""");
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    private async Task<TestDatabase> WithClosingWindowAsync(string? url)
    {
        var t = await TestDatabase.CreateAsync(seedDemo: true);
        if (url is not null) await t.Get<SaveWebhookSetting>().HandleAsync(url, await t.DemoActorAsync("admin"));
        await t.PublishedPublicityAsync();
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 15, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        return t;
    }

    [Fact]
    public async Task Deliver_ReminderToRobot_PostsEnterpriseWeChatTextMessageOnce()
    {
        await using var t = await WithClosingWindowAsync(_url);
        await t.Get<PublicitySweep>().RunAsync();

        (await t.Get<WebhookDispatcher>().DeliverDueAsync()).ShouldBe(1);
        (await t.Get<WebhookDispatcher>().DeliverDueAsync()).ShouldBe(0);

        var body = JsonDocument.Parse(_bodies.ShouldHaveSingleItem()).RootElement;
        body.GetProperty("msgtype").GetString().ShouldBe("text");
        body.GetProperty("text").GetProperty("content").GetString().ShouldBe("「2024年5月城乡低保拟保对象公示」公示期将于2024年5月16日24时期满。");
    }

    [Fact]
    public async Task Deliver_EndpointFailsTwice_RetriedWithBackOffUntilDelivered()
    {
        await using var t = await WithClosingWindowAsync(_url);
        _answers.Enqueue((500, "boom"));
        _answers.Enqueue((200, """{"errcode":93000,"errmsg":"invalid webhook url"}"""));
        var dispatcher = t.Get<WebhookDispatcher>();

        (await dispatcher.DeliverDueAsync()).ShouldBe(0);
        (await dispatcher.DeliverDueAsync()).ShouldBe(0, "not due again before its back-off");
        t.Clock.Advance(TimeSpan.FromMinutes(1));
        (await dispatcher.DeliverDueAsync()).ShouldBe(0);
        t.Clock.Advance(TimeSpan.FromMinutes(2));
        (await dispatcher.DeliverDueAsync()).ShouldBe(1);

        _bodies.Count.ShouldBe(3);
        await using var db = t.NewContext();
        var message = await db.WebhookMessages.SingleAsync();
        message.Attempts.ShouldBe(3);
        message.DeliveredAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task Deliver_DeadEndpoint_RecordsTheErrorAndDoesNotThrow()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var deadUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        probe.Stop();
        await using var t = await WithClosingWindowAsync(deadUrl);

        (await t.Get<WebhookDispatcher>().DeliverDueAsync()).ShouldBe(0);

        await using var db = t.NewContext();
        var message = await db.WebhookMessages.SingleAsync();
        message.LastError.ShouldNotBeNullOrEmpty();
        message.NextAttemptAtUtc.ShouldBeGreaterThan(t.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Sweep_WithoutWebhook_QueuesNothing()
    {
        await using var t = await WithClosingWindowAsync(url: null);
        await using var db = t.NewContext();
        (await db.WebhookMessages.CountAsync()).ShouldBe(0);
        (await db.Notifications.CountAsync()).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("not a url")]
    public async Task SaveWebhookSetting_NotHttp_IsRefused(string url)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.DemoActorAsync("admin");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SaveWebhookSetting>().HandleAsync(url, admin));
        e.Code.ShouldBe("Webhook.UrlInvalid");
    }

    [Fact]
    public async Task SaveWebhookSetting_ByOfficer_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SaveWebhookSetting>().HandleAsync(_url, officer));
        e.Code.ShouldBe("Auth.RoleRequired");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Publicity;

namespace XiheWorkflow.Core.Jobs;

/// <summary>
/// Posts queued reminders to the webhook Admin configured, in the format of an enterprise-WeChat
/// group robot. A failure (transport, non-2xx, or the robot's non-zero <c>errcode</c>) is retried
/// later with back-off, up to <see cref="WebhookMessage.MaxAttempts"/> times.
/// </summary>
public class WebhookDispatcher(IDbContextFactory<XiheDbContext> contexts, IHttpClientFactory http, TimeProvider clock)
{
    public const string HttpClientName = "webhook";

    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var url = await db.AppSettings.Where(s => s.Key == AppSetting.WebhookUrl).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(url)) return 0;
        var due = await db.WebhookMessages
            .Where(m => m.DeliveredAtUtc == null && m.Attempts < WebhookMessage.MaxAttempts && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        var delivered = 0;
        var client = http.CreateClient(HttpClientName);
        foreach (var message in due)
        {
            var error = await PostAsync(client, url, message.Content, ct);
            if (error is null)
            {
                message.Delivered(clock.GetUtcNow().UtcDateTime);
                delivered++;
            }
            else
            {
                message.Failed(error, clock.GetUtcNow().UtcDateTime);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another dispatcher recorded this message meanwhile; its record stands.
                db.ChangeTracker.Clear();
            }
        }
        return delivered;
    }

    private static async Task<string?> PostAsync(HttpClient client, string url, string content, CancellationToken ct)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(url, new { msgtype = "text", text = new { content } }, ct);
            if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
            var body = await response.Content.ReadAsStringAsync(ct);
            if (body.Length == 0) return null;
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code)
                    && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0)
                    return $"errcode {code.GetInt32()}";
            }
            catch (JsonException) { }
            return null;
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "timeout";
        }
    }
}

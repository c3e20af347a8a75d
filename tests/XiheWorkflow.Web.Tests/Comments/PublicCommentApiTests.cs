using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Tests.Comments;

public class PublicCommentApiTests(XiheWebFactoryWithDemoNotices factory) : IClassFixture<XiheWebFactoryWithDemoNotices>
{
    private async Task<int> NoticeInAsync(NoticeState state)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return await db.Notices.Where(n => n.State == state).Select(n => n.Id).FirstAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_ToANoticeNeverPublished_Is404()
    {
        var id = await NoticeInAsync(NoticeState.InReview);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", Json("""{"content":"意见"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ToAPublishedNoticeNotInPublicity_Is409()
    {
        var id = await NoticeInAsync(NoticeState.Published);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", Json("""{"content":"意见"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"content":""}""", "content")]
    [InlineData("""{"content":"   "}""", "content")]
    [InlineData("""{"content":"好","name":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}""", "name")]
    [InlineData("""{"content":"好","kind":"表扬"}""", "kind")]
    public async Task Post_InvalidFields_Is400WithErrorsByField(string body, string field)
    {
        var id = await NoticeInAsync(NoticeState.Published);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", Json(body));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_OverLongContent_Is400()
    {
        var id = await NoticeInAsync(NoticeState.Published);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", Json($$"""{"content":"{{new string('长', 2001)}}"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WrongTypedContent_Is400()
    {
        var id = await NoticeInAsync(NoticeState.Published);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", Json("""{"content":123}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        var id = await NoticeInAsync(NoticeState.Published);
        using var client = factory.CreateClient();
        var response = await client.PostAsync($"/api/public/notices/{id}/comments", new StringContent("content=意见", Encoding.UTF8, "application/x-www-form-urlencoded"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}

/// <summary>Its own app, so the burst does not use up the other tests' allowance.</summary>
public class PublicCommentRateLimitTests : IAsyncLifetime
{
    private readonly XiheWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Fact]
    public async Task Post_BurstFromOneAddress_Is429AfterTen()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var response = await client.PostAsync("/api/public/notices/999999/comments",
                new StringContent("""{"content":"意见"}""", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }
        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        statuses.Skip(10).ShouldAllBe(s => s == (HttpStatusCode)429);
    }
}

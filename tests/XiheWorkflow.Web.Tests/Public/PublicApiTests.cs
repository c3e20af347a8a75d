using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace XiheWorkflow.Web.Tests.Public;

public class PublicApiTests(PublicDataFactory app) : IClassFixture<PublicDataFactory>
{
    private static readonly string[] People = ["张明", "李芳", "王建国", "马晓梅", "staff", "officer"];

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static int[] Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public async Task List_WithoutState_EveryPublicNoticeNewestFirstWithTotal()
    {
        var (response, json) = await GetJsonAsync("/api/public/notices");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        Ids(json).ShouldBe([app.Corrected, app.News, app.InPublicity]);
        json[0].TryGetProperty("body", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("InPublicity")]
    [InlineData("公示中")]
    public async Task List_StateInPublicity_OnlyNoticesWithAnOpenWindow(string state)
    {
        var (_, json) = await GetJsonAsync($"/api/public/notices?state={Uri.EscapeDataString(state)}");

        Ids(json).ShouldBe([app.Corrected, app.InPublicity]);
        var item = json.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == app.InPublicity);
        item.GetProperty("state").GetString().ShouldBe("InPublicity");
        item.GetProperty("kind").GetString().ShouldBe("Publicity");
        item.GetProperty("category").GetString().ShouldBe("低保公示");
        item.GetProperty("office").GetString().ShouldBe("民生服务中心");
        var publicity = item.GetProperty("publicity");
        DateOnly.Parse(publicity.GetProperty("to").GetString()!).DayNumber
            .ShouldBe(DateOnly.Parse(publicity.GetProperty("from").GetString()!).DayNumber + 6);
        item.GetProperty("publishedAt").GetString()!.ShouldEndWith("+08:00");
        item.GetProperty("url").GetString()!.ShouldEndWith($"/public/notices/{app.InPublicity}");
    }

    [Fact]
    public async Task List_StatePublished_ExcludesNoticesInPublicity()
    {
        var (_, json) = await GetJsonAsync("/api/public/notices?state=Published");
        Ids(json).ShouldBe([app.News]);
        json[0].GetProperty("publicity").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_SecondPageOfOne_ReturnsTheOlderNotice()
    {
        var (response, json) = await GetJsonAsync("/api/public/notices?page=3&pageSize=1");
        Ids(json).ShouldBe([app.InPublicity]);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("state=Draft", "state")]
    public async Task List_BadQuery_400WithTheFieldNamed(string query, string field)
    {
        var (response, json) = await GetJsonAsync($"/api/public/notices?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        json.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Get_NoticeInPublicity_HasBodyAndWindowAndNoPeople()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync($"/api/public/notices/{app.InPublicity}");
        var json = JsonDocument.Parse(text).RootElement;

        json.GetProperty("title").GetString().ShouldBe("2024年11月城乡低保拟保对象公示");
        json.GetProperty("body").GetString()!.ShouldContain("经村民代表会议评议");
        json.GetProperty("publicity").GetProperty("from").GetString().ShouldNotBeNull();
        json.GetProperty("corrections").GetArrayLength().ShouldBe(0);
        json.GetProperty("clarifications").GetArrayLength().ShouldBe(0);
        foreach (var person in People) text.ShouldNotContain(person);
    }

    [Fact]
    public async Task Get_Draft_404()
    {
        var (response, _) = await GetJsonAsync($"/api/public/notices/{app.Draft}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetJsonAsync("/api/public/notices/99999")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Withdrawn_410WithWhenAndWhy()
    {
        var (response, json) = await GetJsonAsync($"/api/public/notices/{app.Withdrawn}");

        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        json.GetProperty("id").GetInt32().ShouldBe(app.Withdrawn);
        json.GetProperty("title").GetString().ShouldBe("特困供养人员名单公示");
        json.GetProperty("state").GetString().ShouldBe("Withdrawn");
        json.GetProperty("reason").GetString().ShouldBe(PublicDataFactory.WithdrawReason);
        json.GetProperty("at").GetString()!.ShouldEndWith("+08:00");
    }

    [Fact]
    public async Task Feed_WithdrawnNotice_StaysAsEntryTitledYiHuiShou()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/feeds/notices.atom");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var text = await response.Content.ReadAsStringAsync();
        var feed = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var entries = feed.Root!.Elements(atom + "entry").ToList();
        entries.Count.ShouldBe(4);
        var withdrawn = entries.Single(e => e.Element(atom + "id")!.Value.EndsWith($"/public/notices/{app.Withdrawn}"));
        withdrawn.Element(atom + "title")!.Value.ShouldBe("已回收");
        entries.ShouldNotContain(e => e.Element(atom + "id")!.Value.EndsWith($"/public/notices/{app.Draft}"));
        foreach (var person in People) text.ShouldNotContain(person);
    }

    [Fact]
    public async Task PublicPages_Anonymous_ShowTheWindowWithoutSigningIn()
    {
        using var client = app.CreateBrowserLikeClient();

        var list = await client.GetAsync("/public");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await list.Content.ReadAsStringAsync();
        html.ShouldContain("2024年11月城乡低保拟保对象公示");
        html.ShouldContain("公示期：");
        html.ShouldNotContain("硝河乡召开冬季安全生产会议");

        var detail = await client.GetAsync($"/public/notices/{app.InPublicity}");
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detailHtml = await detail.Content.ReadAsStringAsync();
        detailHtml.ShouldContain("经村民代表会议评议");
        foreach (var person in People.Take(4)) detailHtml.ShouldNotContain(person);
    }

    [Fact]
    public async Task Get_CorrectedNotice_CarriesTheCorrectedBodyTheNoteAndTheClarification()
    {
        var (response, json) = await GetJsonAsync($"/api/public/notices/{app.Corrected}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("body").GetString()!.ShouldContain("350元");
        var correction = json.GetProperty("corrections").EnumerateArray().ShouldHaveSingleItem();
        correction.GetProperty("note").GetString().ShouldBe(PublicDataFactory.CorrectionNote);
        correction.GetProperty("republished").GetBoolean().ShouldBeTrue();
        correction.GetProperty("at").GetString()!.ShouldEndWith("+08:00");
        json.GetProperty("clarifications").EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("text").GetString().ShouldBe(PublicDataFactory.Clarification);
        // Who drafted or approved the correction is internal.
        var text = json.GetRawText();
        foreach (var person in People) text.ShouldNotContain(person);
    }

    [Fact]
    public async Task List_ItemsCarryTheirCorrectionHistory()
    {
        var (_, json) = await GetJsonAsync("/api/public/notices");
        var corrected = json.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == app.Corrected);
        corrected.GetProperty("corrections").GetArrayLength().ShouldBe(1);
        var news = json.EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == app.News);
        news.GetProperty("corrections").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PublicPage_OfACorrectedNotice_Shows更正说明AndTheClarification()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/public/notices/{app.Corrected}");
        html.ShouldContain("更正说明");
        html.ShouldContain(PublicDataFactory.CorrectionNote);
        html.ShouldContain("（重新公示）");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain(PublicDataFactory.Clarification);
    }

    [Fact]
    public async Task WithdrawnNotice_IsGoneFromThePublicPagesTheListAndTheApi_WithItsReasonOnly()
    {
        using var client = app.CreateClient();
        var list = await client.GetStringAsync("/public");
        list.ShouldNotContain("特困供养人员名单公示");
        var page = await client.GetStringAsync($"/public/notices/{app.Withdrawn}");
        page.ShouldContain("已回收");
        page.ShouldContain(PublicDataFactory.WithdrawReason);
        page.ShouldNotContain("经村民代表会议评议");
        var (_, json) = await GetJsonAsync("/api/public/notices?pageSize=100");
        Ids(json).ShouldNotContain(app.Withdrawn);
        var (_, gone) = await GetJsonAsync($"/api/public/notices/{app.Withdrawn}");
        gone.TryGetProperty("body", out _).ShouldBeFalse();
    }
}

using System.Net;
using XiheWorkflow.Core.Admin;

namespace XiheWorkflow.Web.Tests.Channels;

/// <summary>
/// What the public and the official account's editor fetch without signing in: the 公开栏 sheet with
/// its roster, the attachments of the revision the public sees, the electronic screen.
/// </summary>
public class PublicChannelOutputsTests(ChannelDataFactory app) : IClassFixture<ChannelDataFactory>
{
    [Fact]
    public async Task PublicAttachment_Anonymous_OfAPublicNotice_IsServed()
    {
        using var client = app.CreateBrowserLikeClient();

        var response = await client.GetAsync($"/public/notices/{app.Publicity}/attachments/{app.PublicityPhoto.Sha256}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(ChannelDataFactory.Png);
    }

    [Fact]
    public async Task PublicAttachment_OfAnotherNoticeAWithdrawnOneADraftOrAReplacedOne_IsNotFound()
    {
        using var client = app.CreateBrowserLikeClient();

        async Task<HttpStatusCode> Get(int id, string sha) => (await client.GetAsync($"/public/notices/{id}/attachments/{sha}")).StatusCode;

        (await Get(app.Publicity, app.OtherFile.Sha256)).ShouldBe(HttpStatusCode.NotFound);
        (await Get(app.Other, app.PublicityPhoto.Sha256)).ShouldBe(HttpStatusCode.NotFound);
        (await Get(app.Withdrawn, app.WithdrawnFile.Sha256)).ShouldBe(HttpStatusCode.NotFound);
        (await Get(app.Draft, app.DraftFile.Sha256)).ShouldBe(HttpStatusCode.NotFound);
        // The photo an approved 更正 replaced is no longer public; the new one is.
        (await Get(app.Corrected, app.ReplacedFile.Sha256)).ShouldBe(HttpStatusCode.NotFound);
        (await Get(app.Corrected, app.CorrectedFile.Sha256)).ShouldBe(HttpStatusCode.OK);
        // The signed-in route stays closed to the public.
        (await client.GetAsync($"/attachments/{app.PublicityPhoto.Sha256}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task WeChatArticle_ReferencesImagesByThePublicRoute_WhichLoadsWithoutSignIn()
    {
        using var officer = app.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(officer, "officer", DemoAccounts.Password);
        var html = await (await officer.GetAsync($"/notices/{app.Publicity}/channels")).Content.ReadAsStringAsync();
        var url = $"/public/notices/{app.Publicity}/attachments/{app.PublicityPhoto.Sha256}";

        html.ShouldContain(url);
        html.ShouldNotContain($"/attachments/{app.PublicityPhoto.Sha256}?name=");
        html.ShouldContain("马晓丽");
        html.ShouldContain(ChannelDataFactory.MaskedId);
        html.ShouldNotContain(ChannelDataFactory.UnmaskedId);
        using var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Print_OfAPublicityWithARoster_PrintsTheMaskedRosterAsATable_WithTheLinkedStylesheet()
    {
        using var client = app.CreateBrowserLikeClient();

        var html = await (await client.GetAsync($"/public/notices/{app.Publicity}/print")).Content.ReadAsStringAsync();

        html.ShouldContain("名单（共2人）");
        html.ShouldContain("<th>户主姓名</th>");
        html.ShouldContain($"<td>身份证{ChannelDataFactory.MaskedId}</td>");
        html.ShouldNotContain(ChannelDataFactory.UnmaskedId);
        html.ShouldContain("公示期：");
        html.ShouldContain("href=\"/assets/print.css\"");
        var css = await client.GetAsync("/assets/print.css");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await css.Content.ReadAsStringAsync()).ShouldContain(".sheet-roster");
    }

    [Fact]
    public async Task Screen_ShowsTheNoticeInPublicity_NotOrdinaryPublishedNotices_NorItsRoster()
    {
        using var client = app.CreateBrowserLikeClient();

        var html = await (await client.GetAsync("/public/screen")).Content.ReadAsStringAsync();

        html.ShouldContain("2024年第四季度城乡低保拟保对象公示");
        html.ShouldNotContain("硝河乡召开冬季安全生产会议");
        html.ShouldNotContain("马晓丽");
    }
}

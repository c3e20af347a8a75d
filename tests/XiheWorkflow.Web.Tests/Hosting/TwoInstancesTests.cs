using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using XiheWorkflow.Core.Admin;

namespace XiheWorkflow.Web.Tests.Hosting;

/// <summary>
/// Two web instances on one PostgreSQL database (a county deployment behind a proxy): what one
/// instance signs (the sign-in cookie, a form's antiforgery token) the other accepts, because the
/// data-protection key ring lives in the database. Runs only when XIHE_TEST_POSTGRES names a server
/// (tests/with-postgres.sh); tests/run.sh runs it there.
/// </summary>
[Trait("Database", "Postgres")]
public sealed partial class TwoInstancesTests : IAsyncLifetime
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("XIHE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    private string? _database;
    private XiheWebFactory? _first, _second;

    public async Task InitializeAsync()
    {
        if (Server is null) return;
        _database = $"xihe_webtest_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE \"{_database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString;
        // Separate data directories too: nothing but the database is shared.
        _first = Instance(connectionString);
        _second = Instance(connectionString);
        _first.CreateClient().Dispose();   // the first instance migrates and seeds; the second finds it done
        _second.CreateClient().Dispose();
    }

    private static XiheWebFactory Instance(string connectionString)
    {
        var factory = new XiheWebFactory();
        factory.Settings["Xihe:DatabaseProvider"] = "Postgres";
        factory.Settings["ConnectionStrings:Xihe"] = connectionString;
        return factory;
    }

    [PostgresWebFact]
    public async Task SignInCookie_IssuedByOneInstance_AcceptedByTheOther()
    {
        using var first = _first!.CreateBrowserLikeClient();
        var signIn = await FormPoster.SignInAsync(first, "officer", DemoAccounts.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = AuthCookie().Match(string.Join("\n", signIn.Headers.GetValues("Set-Cookie")));
        cookie.Success.ShouldBeTrue("the first instance set the sign-in cookie");

        using var second = _second!.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/");
        withCookie.Headers.Add("Cookie", cookie.Value);
        var page = await second.SendAsync(withCookie);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("马晓梅");
        (await second.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "without the cookie the second instance sends to the login page");
    }

    [PostgresWebFact]
    public async Task LoginForm_ServedByOneInstance_PostedToTheOther_SignsIn()
    {
        using var first = _first!.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await first.GetAsync("/login");
        var antiforgeryCookie = AntiforgeryCookie().Match(string.Join("\n", form.Headers.GetValues("Set-Cookie")));
        var token = FormToken().Match(await form.Content.ReadAsStringAsync());
        antiforgeryCookie.Success.ShouldBeTrue();
        token.Success.ShouldBeTrue();

        using var second = _second!.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "officer",
                ["Input.Password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["_handler"] = "login",
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie.Value);
        var response = await second.SendAsync(post);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        string.Join("\n", response.Headers.GetValues("Set-Cookie")).ShouldContain("xihe.auth=");
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        if (_database is null) return;
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("xihe\\.auth=[^;]+")]
    private static partial Regex AuthCookie();

    [GeneratedRegex("\\.AspNetCore\\.Antiforgery\\.[^=]+=[^;]+")]
    private static partial Regex AntiforgeryCookie();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

/// <summary>Skipped unless XIHE_TEST_POSTGRES names a PostgreSQL server.</summary>
public sealed class PostgresWebFactAttribute : FactAttribute
{
    public PostgresWebFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("XIHE_TEST_POSTGRES") is not { Length: > 0 })
            Skip = "needs PostgreSQL: set XIHE_TEST_POSTGRES to a server's connection string (tests/with-postgres.sh does)";
    }
}

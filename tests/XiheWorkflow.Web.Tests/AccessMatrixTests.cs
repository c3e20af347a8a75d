using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Web.Components;

namespace XiheWorkflow.Web.Tests;

/// <summary>
/// Every routable page and every mapped endpoint, requested anonymously and as each demo account:
/// only what the page's [Authorize] (PageRoles) or the endpoint's metadata allows answers; everything
/// else is refused by the server (redirect to /login, 401 or 403). The routes are found by
/// reflection and from the endpoint table, so a new page or endpoint joins the matrix by itself.
/// </summary>
public class AccessMatrixTests(AccessMatrixTests.Clients clients) : IClassFixture<AccessMatrixTests.Clients>
{
    public const string Anonymous = "(anonymous)";

    public static readonly string[] Users = [Anonymous, .. DemoAccounts.All.Select(a => a.UserName)];

    public record Rule(bool AllowAnonymous, string[]? Roles);

    public static IEnumerable<object[]> PageCases() =>
        from page in Pages()
        from user in Users
        select new object[] { page.Path, user };

    /// <summary>(path, rule) for each @page of the Web assembly; route parameters get a sample value.</summary>
    public static IEnumerable<(string Path, Rule Rule)> Pages() =>
        from type in typeof(PageRoles).Assembly.GetTypes()
        where typeof(IComponent).IsAssignableFrom(type)
        from route in type.GetCustomAttributes<RouteAttribute>()
        select (Sample(route.Template), RuleOf(type.GetCustomAttributes(true)));

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Page_EachUser_OnlyAllowedRolesGetIn(string path, string user)
    {
        var rule = Pages().First(p => p.Path == path).Rule;
        var response = await (await clients.ForAsync(user)).GetAsync(path);
        AssertOutcome(response, Allowed(rule, user), $"{user} GET {path}");
    }

    [Theory]
    [MemberData(nameof(UserCases))]
    public async Task MappedEndpoints_EachUser_OnlyAllowedGetIn(string user)
    {
        var client = await clients.ForAsync(user);
        var endpoints = clients.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null) // pages: above
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => !e.RoutePattern.RawText!.Contains('.') && !e.RoutePattern.RawText.StartsWith("_", StringComparison.Ordinal))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(2);
        foreach (var endpoint in endpoints)
        {
            var rule = RuleOf(endpoint.Metadata);
            var path = Sample(endpoint.RoutePattern.RawText!);
            var response = await client.GetAsync(path);
            AssertOutcome(response, Allowed(rule, user), $"{user} GET {path}");
        }
    }

    [Fact]
    public void Navigation_EachLink_SameRolesAsItsPage()
    {
        foreach (var item in PageRoles.Navigation)
        {
            var page = Pages().Single(p => p.Path == item.Href);
            (page.Rule.Roles is null ? null : string.Join(",", page.Rule.Roles)).ShouldBe(item.Roles, item.Href);
        }
    }

    [Fact]
    public async Task ReviewQueue_OpenToEveryRoleAWorkflowStageMayHave()
    {
        // A stage whose role cannot open 待我审核 would never be decided (e.g. 办公室主任 made a stage in 系统管理).
        var page = Pages().Single(p => p.Path == "/reviews");
        foreach (var role in WorkflowSettings.StageRoleChoices) page.Rule.Roles.ShouldNotBeNull().ShouldContain(role);
        var head = await (await clients.ForAsync("head")).GetAsync("/reviews");
        AssertOutcome(head, allowed: true, "head GET /reviews");
    }

    [Fact]
    public void DelegationSettings_OpenToExactlyTheRolesOfTheReviewQueue()
    {
        // 代理审核设置 is for whoever may decide a stage; Admin manages every delegation in 系统管理 instead.
        Pages().Single(p => p.Path == "/reviews/delegation").Rule.Roles
            .ShouldBe(Pages().Single(p => p.Path == "/reviews").Rule.Roles);
        PageRoles.Navigation.ShouldContain(n => n.Href == "/reviews/delegation" && n.Roles == PageRoles.ReviewQueue);
    }

    public static IEnumerable<object[]> UserCases() => Users.Select(u => new object[] { u });

    private static bool Allowed(Rule rule, string user)
    {
        if (rule.AllowAnonymous) return true;
        if (user == Anonymous) return false;
        if (rule.Roles is null) return true;
        var role = DemoAccounts.All.Single(a => a.UserName == user).Role;
        return rule.Roles.Contains(role);
    }

    private static void AssertOutcome(HttpResponseMessage response, bool allowed, string what)
    {
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login");
        if (allowed)
        {
            refused.ShouldBeFalse($"{what} was refused ({(int)response.StatusCode} {response.Headers.Location})");
            ((int)response.StatusCode).ShouldBeLessThan(500, what);
        }
        else
        {
            refused.ShouldBeTrue($"{what} answered {(int)response.StatusCode} instead of being refused");
        }
    }

    private static Rule RuleOf(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        if (items.OfType<IAllowAnonymous>().Any()) return new Rule(true, null);
        var authorize = items.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0) return new Rule(true, null);
        var roles = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).SelectMany(a => a.Roles!.Split(',')).Distinct().ToArray();
        return new Rule(false, roles.Length == 0 ? null : roles);
    }

    private static string Sample(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:int)?\??\}", m => m.Groups[2].Success ? "1" : new string('0', 64));

    /// <summary>One signed-in client per demo account, over one app.</summary>
    public sealed class Clients : XiheWebFactory
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();

        public Task<HttpClient> ForAsync(string user) => _clients.GetOrAdd(user, u => new Lazy<Task<HttpClient>>(async () =>
        {
            var client = CreateBrowserLikeClient();
            if (u != Anonymous)
            {
                var signIn = await FormPoster.SignInAsync(client, u, DemoAccounts.Password);
                signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {u}");
            }
            return client;
        })).Value;
    }
}

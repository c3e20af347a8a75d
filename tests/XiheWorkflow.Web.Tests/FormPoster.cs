using System.Net;
using System.Text.RegularExpressions;

namespace XiheWorkflow.Web.Tests;

/// <summary>Submits a server-rendered Blazor form the way a browser does: antiforgery token and handler name included.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        SubmitAsync(client, "/login", "login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

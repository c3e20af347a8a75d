using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Web.Features.Account;

namespace XiheWorkflow.Web.Endpoints;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (SignInManager<XiheUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        app.MapGet("/culture", (string? culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture is "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LoginPage.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
    }
}

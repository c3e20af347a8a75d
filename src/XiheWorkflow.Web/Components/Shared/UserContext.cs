using Microsoft.AspNetCore.Components.Authorization;
using XiheWorkflow.Core;

namespace XiheWorkflow.Web.Components.Shared;

/// <summary>The signed-in person as an <see cref="Actor"/> for use cases, read from the circuit's authentication state.</summary>
public class UserContext(AuthenticationStateProvider authentication)
{
    public async Task<Actor> ActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ServiceDesk.Api.Common.Security;

/// <summary>401 and 403 as problem+json, like every other error.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\", Bearer";
            await ProblemResults.WriteAsync(context, ProblemResults.Create(
                context, StatusCodes.Status401Unauthorized, "Unauthorized",
                $"Send a valid API key in {ApiKeyAuthenticationHandler.HeaderName} (or a bearer token where one is configured)."));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await ProblemResults.WriteAsync(context, ProblemResults.Create(
                context, StatusCodes.Status403Forbidden, "Forbidden", "Your roles do not allow this operation."));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

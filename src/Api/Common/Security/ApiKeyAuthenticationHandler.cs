using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Api.Common.Security;

/// <summary>Authenticates <c>X-Api-Key</c>: the key is hashed and looked up; unknown and revoked keys fail (401).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
            return AuthenticateResult.NoResult();
        var presented = values.ToString();
        if (string.IsNullOrWhiteSpace(presented))
            return AuthenticateResult.Fail("Empty API key.");

        var store = Context.RequestServices.GetRequiredService<IApiKeyStore>();
        var identity = await store.FindAsync(ApiKey.HashOf(presented.Trim()), Context.RequestAborted);
        if (identity is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new(ClaimTypes.Name, identity.Name),
        };
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (identity.CustomerId is { } customerId)
            claims.Add(new Claim(ServiceDeskClaims.CustomerId, customerId.ToString()));

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

public static class ServiceDeskClaims
{
    public const string CustomerId = "customer_id";
}

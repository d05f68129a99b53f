using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Security;

/// <summary>
/// A host with an OIDC authority configured. The authority's signing key is a local one (no network): the test
/// hands the bearer handler the metadata it would have fetched, and signs its own tokens with the same key.
/// </summary>
public sealed class JwtApiFactory : ServiceDeskApiFactory
{
    public const string Issuer = "https://login.servicedesk.test";
    public const string Audience = "servicedesk-api";

    public static readonly SymmetricSecurityKey SigningKey = new(System.Text.Encoding.UTF8.GetBytes("test-only signing key of at least 256 bits, never used elsewhere"));

    public JwtApiFactory()
    {
        With("Auth:Jwt:Authority", Issuer);
        With("Auth:Jwt:Audience", Audience);
        With("Auth:Jwt:RoleClaim", "roles");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(SigningKey);
                o.Configuration = configuration;
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.IssuerSigningKey = SigningKey;
            }));
    }

    public static string Token(SecurityKey key, params string[] roles)
    {
        var claims = new List<Claim> { new("sub", "user-" + Guid.NewGuid().ToString("N")[..8]), new("name", "Jwt User") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed class JwtBearerTests(JwtApiFactory factory) : IClassFixture<JwtApiFactory>
{
    private HttpClient Client(string token)
    {
        var client = factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_valid_token_authenticates_and_its_roles_claim_grants_the_role()
    {
        using var agent = Client(JwtApiFactory.Token(JwtApiFactory.SigningKey, "Agent"));

        await (await agent.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
        var write = await agent.PostAsJsonAsync("/api/v1/catalog/product-lines", new { code = "JWT", name = "Jwt", nameZh = "令牌" });

        await write.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_token_may_write()
    {
        using var admin = Client(JwtApiFactory.Token(JwtApiFactory.SigningKey, "Admin"));

        var write = await admin.PostAsJsonAsync("/api/v1/catalog/product-lines", new { code = "JWT-ADMIN", name = "Jwt", nameZh = "令牌" });

        await write.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var otherKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("another signing key of at least 256 bits for the forgery test"));
        using var forged = Client(JwtApiFactory.Token(otherKey, "Admin"));

        var response = await forged.GetAsync("/api/v1/catalog/products/OPS-SD-01");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task API_keys_keep_working_beside_bearer_tokens()
    {
        using var admin = factory.CreateAdminClient();

        await (await admin.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
    }
}

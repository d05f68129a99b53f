using System.Security.Claims;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Api.Common.Security;

/// <summary>The caller of the current HTTP request, as the authentication handlers described it.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? User.FindFirstValue("sub") ?? "anonymous";

    public string Name => User.Identity?.Name ?? Id;

    public IReadOnlyCollection<string> Roles =>
        User.Claims.Where(c => c.Type == ClaimTypes.Role).Select(c => c.Value).ToList();

    public Guid? CustomerId =>
        Guid.TryParse(User.FindFirstValue(ServiceDeskClaims.CustomerId), out var id) ? id : null;

    public bool IsInRole(string role) => User.IsInRole(role);
}

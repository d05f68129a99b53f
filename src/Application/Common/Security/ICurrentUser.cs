using ServiceDesk.Domain.Common;

namespace ServiceDesk.Application.Common.Security;

/// <summary>Who is calling: resolved by the HTTP layer from an API key or a bearer token.</summary>
public interface ICurrentUser
{
    /// <summary>A stable identifier of the caller (the API key's id, or the token's subject).</summary>
    string Id { get; }

    string Name { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>For a Customer caller, the customer organisation it belongs to.</summary>
    Guid? CustomerId { get; }

    bool IsInRole(string role);

    /// <summary>True when the caller sees only its own customer's data (a Customer without staff roles).</summary>
    bool IsCustomerOnly => IsInRole(Security.Roles.Customer)
        && !IsInRole(Security.Roles.Agent) && !IsInRole(Security.Roles.Manager) && !IsInRole(Security.Roles.Admin);

    /// <summary>The caller as tickets, changes and problems record it (history, comments, approvals).</summary>
    Actor ToActor() => new(Id, Name, IsCustomerOnly);
}

using System.Text.Json.Serialization;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers;

/// <summary>A customer organisation.</summary>
/// <param name="Id" example="0196a3b2-7c00-7d4e-9a2b-3c4d5e6f7a8b">The customer's id (used in URLs and by API keys).</param>
/// <param name="Code" example="ACME">Stable, client-chosen code.</param>
/// <param name="Name" example="ACME Manufacturing Ltd.">Display name.</param>
/// <param name="Active" example="true">An inactive customer is entitled to nothing and gets no new agreements.</param>
/// <param name="Contacts">People at the customer the desk talks to.</param>
public sealed record CustomerResponse(
    Guid Id,
    string Code,
    string Name,
    bool Active,
    IReadOnlyList<ContactResponse> Contacts) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>A person at the customer.</summary>
/// <param name="Name" example="Li Wei">Full name.</param>
/// <param name="Email" example="li.wei@acme.example">Email address, when known.</param>
/// <param name="Phone" example="+86 21 5555 0100">Phone number, when known.</param>
public sealed record ContactResponse(string Name, string? Email, string? Phone);

/// <summary>An agreement: one service level for a product line or a list of products, over a validity period.</summary>
/// <param name="Id" example="0196a3b2-8d00-7a1b-8c2d-4e5f6a7b8c9d">The agreement's id.</param>
/// <param name="CustomerId" example="0196a3b2-7c00-7d4e-9a2b-3c4d5e6f7a8b">The customer it belongs to.</param>
/// <param name="ServiceLevelCode" example="GOLD">The level it grants.</param>
/// <param name="ProductLineCode" example="OPS">The product line it covers; null when it lists products.</param>
/// <param name="ProductCodes">The products it covers, by code; null when it covers a product line.</param>
/// <param name="ValidFrom" example="2026-01-01T00:00:00Z">Start of validity (inclusive), UTC.</param>
/// <param name="ValidTo" example="2027-01-01T00:00:00Z">End of validity (exclusive), UTC; null: open-ended.</param>
/// <param name="Status" example="Active">Active, Future, Expired or Cancelled, as of the moment of the request.</param>
/// <param name="CancelledAt">When it was cancelled; null unless Cancelled.</param>
public sealed record AgreementResponse(
    Guid Id,
    Guid CustomerId,
    string ServiceLevelCode,
    string? ProductLineCode,
    IReadOnlyList<string>? ProductCodes,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    AgreementStatus Status,
    DateTimeOffset? CancelledAt) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    /// <summary>The status is part of the tag: an agreement that expires changes representation without a write.</summary>
    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version, Status.ToString());
}

using Riok.Mapperly.Abstractions;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers;

/// <summary>Customers and agreements to responses.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CustomerMapper
{
    [MapperIgnoreTarget(nameof(CustomerResponse.ETag))]
    public static partial CustomerResponse ToResponse(this Customer customer);

    private static partial ContactResponse ToResponse(Contact contact);

    /// <summary>
    /// The columns of customers, read in SQL. Contacts are a JSON column, so mapping them to responses cannot be part of
    /// the SQL projection; <c>ToResponse(CustomerRow)</c> finishes the mapping on the rows read.
    /// </summary>
    internal static IQueryable<CustomerRow> ProjectToRow(this IQueryable<Customer> customers) =>
        customers.Select(c => new CustomerRow(c.Id, c.Code, c.Name, c.Active, c.Contacts, c.Version));

    internal static CustomerResponse ToResponse(this CustomerRow row) =>
        new(row.Id, row.Code, row.Name, row.Active, row.Contacts.Select(ToResponse).ToList()) { Version = row.Version };

    /// <summary>The columns of agreements with their product codes, read in one SQL query; their status is derived after reading.</summary>
    internal static IQueryable<AgreementRow> ProjectToRow(this IQueryable<Agreement> agreements) =>
        agreements.Select(a => new AgreementRow(
            a.Id,
            a.CustomerId,
            a.SortKey,
            a.ServiceLevelCode,
            a.ProductLineCode,
            a.Products.Select(p => p.ProductCode).ToList(),
            a.ValidFrom,
            a.ValidTo,
            a.CancelledAt,
            a.Version));

    /// <summary>An agreement as of <paramref name="now"/> (its status is derived from the instant).</summary>
    public static AgreementResponse ToResponse(this Agreement agreement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementRow(
            agreement.Id,
            agreement.CustomerId,
            agreement.SortKey,
            agreement.ServiceLevelCode,
            agreement.ProductLineCode,
            agreement.ProductCodes.ToList(),
            agreement.ValidFrom,
            agreement.ValidTo,
            agreement.CancelledAt,
            agreement.Version).ToResponse(now);
    }
}

/// <summary>A customer's columns as a query reads them.</summary>
internal sealed record CustomerRow(Guid Id, string Code, string Name, bool Active, IReadOnlyList<Contact> Contacts, int Version);

/// <summary>An agreement's columns as a list reads them in one SQL query (products included), before its status is derived.</summary>
internal sealed record AgreementRow(
    Guid Id,
    Guid CustomerId,
    string SortKey,
    string ServiceLevelCode,
    string? ProductLineCode,
    List<string> ProductCodes,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    DateTimeOffset? CancelledAt,
    int Version)
{
    public AgreementResponse ToResponse(DateTimeOffset now) =>
        new(
            Id,
            CustomerId,
            ServiceLevelCode,
            ProductLineCode,
            ProductLineCode is null ? ProductCodes.Order(StringComparer.Ordinal).ToList() : null,
            ValidFrom,
            ValidTo,
            Agreement.StatusAt(ValidFrom, ValidTo, CancelledAt, now),
            CancelledAt)
        {
            Version = Version,
        };
}

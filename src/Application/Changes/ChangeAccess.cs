using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes.Commands;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes;

/// <summary>Loads changes the way every use case must: by number, version-checked; and resolves the records a body names.</summary>
internal static class ChangeAccess
{
    /// <summary>A tracked change for a write; 404 when missing; 412 on a stale If-Match.</summary>
    public static Task<Change> LoadChangeForUpdateAsync(this IServiceDeskDbContext db, string number, string? ifMatch, CancellationToken cancellationToken) =>
        db.Changes.LoadForUpdateAsync(c => c.Number == number, ifMatch, "Change", number, cancellationToken);

    /// <summary>A change a request body names (e.g. <c>changeNumber</c>): 400 naming the field when there is none.</summary>
    public static async Task<Change> ReferencedChangeAsync(this IServiceDeskDbContext db, string number, string field, CancellationToken cancellationToken) =>
        await db.Changes.FirstOrDefaultAsync(c => c.Number == number, cancellationToken)
        ?? throw new RequestValidationException(field, $"Change '{number}' does not exist.");

    /// <summary>The customer a change body names exists; its products exist and, when newly named (not among <paramref name="current"/>), are not retired.</summary>
    public static async Task CheckReferencesAsync(this IServiceDeskDbContext db, ICustomerDirectory customers, ChangeBody body, IReadOnlyList<string> current,
        CancellationToken cancellationToken)
    {
        if (body.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");
        var codes = (body.ProductCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        await db.ProductKindsAsync(codes, "productCodes", cancellationToken);
        await db.EnsureNotRetiredAsync(codes.Except(current, StringComparer.Ordinal).ToList(), "productCodes", cancellationToken);
    }

    /// <summary>The catalog kind of each product, checking that every one exists (400 naming the field otherwise).</summary>
    public static async Task<IReadOnlyDictionary<string, ProductKind>> ProductKindsAsync(this IServiceDeskDbContext db, IReadOnlyCollection<string> codes, string field, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
            return new Dictionary<string, ProductKind>();
        var found = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
            .Select(p => new { p.Code, p.Kind, p.Status })
            .ToListAsync(cancellationToken);
        var missing = codes.Where(code => found.All(p => p.Code != code)).ToList();
        if (missing.Count > 0)
            throw new RequestValidationException(field, $"Product{(missing.Count == 1 ? string.Empty : "s")} '{string.Join("', '", missing)}' {(missing.Count == 1 ? "does" : "do")} not exist.");
        return found.ToDictionary(p => p.Code, p => p.Kind, StringComparer.Ordinal);
    }

    /// <summary>Refuses retired products among <paramref name="codes"/> (they cannot be used for anything new).</summary>
    public static async Task EnsureNotRetiredAsync(this IServiceDeskDbContext db, IReadOnlyCollection<string> codes, string field, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
            return;
        var retired = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code) && p.Status == ProductStatus.Retired)
            .Select(p => p.Code).ToListAsync(cancellationToken);
        if (retired.Count > 0)
            throw Domain.Common.DomainException.ProductRetired($"Product {string.Join(", ", retired)} is retired and cannot be used for new changes.", field);
    }

    /// <summary>Freeze period ids are GUIDs kept as canonical text; any GUID spelling a client sends finds its period.</summary>
    public static string NormaliseFreezePeriodId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;
}

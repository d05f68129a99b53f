using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Customers.Commands;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Customers;

/// <summary>Loads agreements the way every write must (version- and status-checked), and resolves the records a body names.</summary>
internal static class CustomerAccess
{
    /// <summary>
    /// A tracked agreement of the customer for a write; 404 when missing, 412 on a stale If-Match. Its tag includes its
    /// status as of <paramref name="now"/> (an agreement that expires changes representation without a write), so the
    /// If-Match is compared with that tag, not with the version alone.
    /// </summary>
    public static Task<Agreement> LoadAgreementForUpdateAsync(this IServiceDeskDbContext db, Guid customerId, Guid agreementId, string? ifMatch,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Agreements.LoadForUpdateAsync(a => a.Id == agreementId && a.CustomerId == customerId, ifMatch, "Agreement", agreementId,
            (agreement, _) => ValueTask.FromResult(agreement.ToResponse(now).ETag), cancellationToken);

    /// <summary>The level, line and products the body names; one that does not exist is a 400 naming its field.</summary>
    public static async Task<(ServiceLevel Level, ProductLine? Line, List<Product> Products)> AgreementReferencesAsync(this IServiceDeskDbContext db,
        AgreementBody body, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(l => l.Code == body.ServiceLevelCode, cancellationToken)
            ?? throw new RequestValidationException("serviceLevelCode", $"Service level '{body.ServiceLevelCode}' does not exist.");

        ProductLine? line = null;
        if (body.ProductLineCode is { } lineCode)
        {
            line = await db.ProductLines.AsNoTracking().FirstOrDefaultAsync(l => l.Code == lineCode, cancellationToken)
                ?? throw new RequestValidationException("productLineCode", $"Product line '{lineCode}' does not exist.");
        }

        var codes = (body.ProductCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var products = codes.Count == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken);
        var found = products.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var missing = (body.ProductCodes ?? []).Select((code, index) => (code, index)).Where(x => !found.Contains(x.code)).ToList();
        if (missing.Count > 0)
        {
            throw new RequestValidationException(missing.ToDictionary(
                x => $"productCodes[{x.index}]",
                x => new[] { $"Product '{x.code}' does not exist." }));
        }

        return (level, line, products);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Common;

namespace ServiceDesk.Infrastructure.Persistence.Seed;

/// <summary>
/// Demo data for newcomers, when <c>Seed:DemoData</c> is true (it is in <c>appsettings.Development.json</c>; never in
/// Production, where it is refused). Idempotent: a customer whose code exists is left alone (and gets no agreements),
/// a key whose value exists is left alone (even if revoked).
/// <list type="bullet">
/// <item>ACME (id <see cref="AcmeId"/>): GOLD for the OPS line, and PLATINUM for product OPS-SD-01 (product-level wins).</item>
/// <item>GLOBEX (id <see cref="GlobexId"/>): SILVER for the MNT line.</item>
/// <item>One API key per role, with these fixed, public values (send as <c>X-Api-Key</c>): <c>demo-admin-key</c>,
/// <c>demo-manager-key</c>, <c>demo-agent-key</c>, <c>demo-change-approver-key</c>, <c>demo-customer-acme-key</c>
/// (Customer of ACME), <c>demo-customer-globex-key</c> (Customer of GLOBEX).</item>
/// </list>
/// </summary>
internal sealed class DemoDataSeeder(ServiceDeskDbContext db, TimeProvider clock, ILogger logger)
{
    public static readonly Guid AcmeId = Guid.Parse("0a000000-0000-7000-8000-00000000ac3e");
    public static readonly Guid GlobexId = Guid.Parse("0b000000-0000-7000-8000-0000000961b0");

    /// <summary>Every agreement of the demo starts here, so it is in force on any machine whose clock is later.</summary>
    private static readonly DateTimeOffset ValidFrom = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<DemoKey> Keys =
    [
        new("demo-admin-key", "demo-admin", ["Admin"], null),
        new("demo-manager-key", "demo-manager", ["Manager"], null),
        new("demo-agent-key", "demo-agent", ["Agent"], null),
        new("demo-change-approver-key", "demo-change-approver", ["ChangeApprover"], null),
        new("demo-customer-acme-key", "demo-customer-acme", ["Customer"], AcmeId),
        new("demo-customer-globex-key", "demo-customer-globex", ["Customer"], GlobexId),
    ];

    /// <summary>What the start-up log says, once per start: the customers and every key with its roles.</summary>
    private static readonly string Summary =
        $"customers ACME ({AcmeId}) and GLOBEX ({GlobexId}); API keys (X-Api-Key): "
        + string.Join(", ", Keys.Select(k => $"{k.Secret} ({string.Join('+', k.Roles)}{(k.CustomerId is null ? string.Empty : " of " + (k.CustomerId == AcmeId ? "ACME" : "GLOBEX"))})"));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var acme = await CustomerAsync(AcmeId, "ACME", "ACME Manufacturing Ltd.", new Contact("Li Wei", "li.wei@acme.example", "+86 21 5555 0100"), now, cancellationToken);
        var globex = await CustomerAsync(GlobexId, "GLOBEX", "Globex Corporation", new Contact("Hank Scorpio", "hank@globex.example", null), now, cancellationToken);
        if (acme is not null)
        {
            await AgreementAsync(acme, "GOLD", lineCode: "OPS", productCodes: [], now, cancellationToken);
            await AgreementAsync(acme, "PLATINUM", lineCode: null, productCodes: ["OPS-SD-01"], now, cancellationToken);
        }

        if (globex is not null)
            await AgreementAsync(globex, "SILVER", lineCode: "MNT", productCodes: [], now, cancellationToken);

        var hashes = Keys.Select(k => ApiKey.HashOf(k.Secret)).ToList();
        var existing = await db.ApiKeys.Where(k => hashes.Contains(k.Hash)).Select(k => k.Hash).ToHashSetAsync(cancellationToken);
        foreach (var key in Keys.Where(k => !existing.Contains(ApiKey.HashOf(k.Secret))))
            db.ApiKeys.Add(ApiKey.WithSecret(key.Name, key.Secret, key.Roles, key.CustomerId, now));

        await db.SaveChangesAsync(cancellationToken);
        logger.DemoDataSeeded(Summary);
    }

    /// <returns>The new customer, or null when one with the code exists already (it is left as it is).</returns>
    private async Task<Customer?> CustomerAsync(Guid id, string code, string name, Contact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Customers.AnyAsync(c => c.Code == code || c.Id == id, cancellationToken))
            return null;
        var customer = new Customer(id, code, name, [contact]);
        db.Customers.Add(customer);
        return customer;
    }

    private async Task AgreementAsync(Customer customer, string levelCode, string? lineCode, IReadOnlyList<string> productCodes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.FirstOrDefaultAsync(l => l.Code == levelCode, cancellationToken);
        var line = lineCode is null ? null : await db.ProductLines.FirstOrDefaultAsync(l => l.Code == lineCode, cancellationToken);
        var products = await db.Products.Where(p => productCodes.Contains(p.Code)).ToListAsync(cancellationToken);
        if (level is null || level.IsRetired || (lineCode is not null && line is null) || products.Count != productCodes.Count || products.Any(p => p.IsRetired))
        {
            logger.DemoAgreementSkipped(customer.Code, levelCode);
            return;
        }

        db.Agreements.Add(Agreement.Create(Guid.CreateVersion7(now), customer, level, line, products, ValidFrom, validTo: null, now));
    }

    internal sealed record DemoKey(string Secret, string Name, IReadOnlyList<string> Roles, Guid? CustomerId);
}

using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence.Seed;

/// <summary>
/// Seeds the catalog and the service levels on first start. Idempotent: only codes that are not in the database
/// yet are added, so a restart never duplicates anything and never overwrites what an admin has changed.
/// </summary>
internal sealed class ReferenceDataSeeder(ServiceDeskDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedCatalogAsync(cancellationToken);
        await SeedServiceLevelsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = ReferenceData.Catalog();
        var lineCodes = await db.ProductLines.Select(l => l.Code).ToHashSetAsync(cancellationToken);
        var seriesCodes = await db.ProductSeries.Select(s => s.Code).ToHashSetAsync(cancellationToken);
        var productCodes = await db.Products.Select(p => p.Code).ToHashSetAsync(cancellationToken);

        foreach (var lineSeed in catalog.ProductLines)
        {
            var line = new ProductLine(lineSeed.Code, lineSeed.Name, lineSeed.NameZh, lineSeed.Description);
            if (lineCodes.Add(line.Code))
                db.ProductLines.Add(line);

            foreach (var seriesSeed in lineSeed.Series)
            {
                var series = new ProductSeries(seriesSeed.Code, line, seriesSeed.Name, seriesSeed.NameZh, seriesSeed.Scope);
                if (seriesCodes.Add(series.Code))
                    db.ProductSeries.Add(series);

                foreach (var p in seriesSeed.Products.Where(p => productCodes.Add(p.Code)))
                {
                    db.Products.Add(new Product(
                        p.Code,
                        series,
                        p.Name,
                        p.NameZh,
                        p.Description,
                        Enum.Parse<ProductKind>(p.Kind, ignoreCase: true),
                        p.DeliveryModes.Select(m => Enum.Parse<DeliveryMode>(m, ignoreCase: true)),
                        p.MonthlyBasePrice));
                }
            }
        }
    }

    private async Task SeedServiceLevelsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ServiceLevels.Select(l => l.Code).ToHashSetAsync(cancellationToken);
        foreach (var level in ReferenceData.ServiceLevels().ServiceLevels.Where(l => !existing.Contains(l.Code)))
        {
            db.ServiceLevels.Add(new ServiceLevel(
                level.Code,
                level.Name,
                level.NameZh,
                level.Rank,
                level.Calendar,
                level.ResponseCalendar,
                level.PriceMultiplier,
                level.AvailabilityTargetPercent,
                level.OnSiteArrivalMinutes,
                level.Targets.Select(t => new ServiceTarget(Enum.Parse<Priority>(t.Key), t.Value.ResponseMinutes, t.Value.ResolutionMinutes))));
        }
    }
}

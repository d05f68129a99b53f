using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence.Seed;

/// <summary>
/// Seeds the catalog, the business calendars and the service levels on first start. Idempotent: only codes that are
/// not in the database yet are added, so a restart never duplicates anything and never overwrites what an admin has
/// changed.
/// </summary>
internal sealed class ReferenceDataSeeder(ServiceDeskDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedCatalogAsync(cancellationToken);
        await SeedCalendarsAsync(cancellationToken);
        await SeedServiceLevelsAsync(cancellationToken);
        await SeedAssignmentGroupsAsync(cancellationToken);
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
                    db.Products.Add(new Product(p.Code, series, new ProductOffer(
                        p.Name,
                        p.NameZh,
                        p.Description,
                        Enum.Parse<ProductKind>(p.Kind, ignoreCase: true),
                        p.DeliveryModes.Select(m => Enum.Parse<DeliveryMode>(m, ignoreCase: true)),
                        p.MonthlyBasePrice)));
                }
            }
        }
    }

    private async Task SeedCalendarsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Calendars.Select(c => c.Code).ToHashSetAsync(cancellationToken);
        foreach (var calendar in ReferenceData.ServiceLevels().Calendars.Where(c => !existing.Contains(c.Code)))
        {
            db.Calendars.Add(new BusinessCalendar(
                calendar.Code,
                calendar.Name,
                calendar.TimeZone,
                WeeklyOf(calendar),
                calendar.Holidays,
                calendar.ExtraWorkingDays.Select(date => new ExtraWorkingDay(date, []))));
        }
    }

    /// <summary>The seed writes hours as "Mon": [["09:00", "12:00"], ...], or (24X7) as "every day HH:mm-HH:mm".</summary>
    private static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> WeeklyOf(ReferenceData.CalendarSeed calendar)
    {
        if (calendar.Weekly is { } weekly)
        {
            return weekly.ToDictionary(
                day => Weekdays.TryParse(day.Key, out var weekday) ? weekday : throw new InvalidOperationException($"Seed calendar {calendar.Code}: '{day.Key}' is not a weekday."),
                day => (IReadOnlyList<WorkingInterval>)day.Value.Select(pair => WorkingInterval.Parse(pair[0], pair[1])).ToList());
        }

        const string everyDay = "every day ";
        if (calendar.WorkingHours is { } text && text.StartsWith(everyDay, StringComparison.Ordinal) && text[everyDay.Length..].Split('-') is [var start, var end])
        {
            IReadOnlyList<WorkingInterval> hours = [WorkingInterval.Parse(start, end)];
            return Weekdays.MondayFirst.ToDictionary(day => day, _ => hours);
        }

        throw new InvalidOperationException($"Seed calendar {calendar.Code} has neither weekly hours nor 'every day HH:mm-HH:mm'.");
    }

    private async Task SeedServiceLevelsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ServiceLevels.Select(l => l.Code).ToHashSetAsync(cancellationToken);
        foreach (var level in ReferenceData.ServiceLevels().ServiceLevels.Where(l => !existing.Contains(l.Code)))
        {
            db.ServiceLevels.Add(new ServiceLevel(level.Code, new ServiceLevelTerms
            {
                Name = level.Name,
                NameZh = level.NameZh,
                Rank = level.Rank,
                CalendarCode = level.Calendar,
                ResponseCalendarCode = level.ResponseCalendar,
                PriceMultiplier = level.PriceMultiplier,
                AvailabilityTargetPercent = level.AvailabilityTargetPercent,
                OnSiteArrivalMinutes = level.OnSiteArrivalMinutes,
                Targets = level.Targets.Select(t => new ServiceTarget(Enum.Parse<Priority>(t.Key), t.Value.ResponseMinutes, t.Value.ResolutionMinutes)),
            }));
        }
    }

    /// <summary>The groups the desk routes to: the product's series decides (domain.md section 3).</summary>
    private static readonly (string Name, string Description, string[] Series)[] Groups =
    [
        (AssignmentGroup.Triage, "First-line triage: tickets with no product, or none a group serves.", []),
        ("End-User Computing", "Desktops, endpoints, remote and on-site user support.", ["OPS-SD"]),
        ("Data Center", "Facility, power, cooling and data center operations.", ["OPS-DC"]),
        ("Infrastructure", "Servers, storage and networks.", ["OPS-INF"]),
        ("Application Support", "Business applications, middleware and databases.", ["OPS-APP"]),
        ("Hardware Maintenance", "Break-fix and spare parts for hardware under maintenance.", ["MNT-HW"]),
        ("Software Maintenance", "Patches, upgrades and vendor software support.", ["MNT-SW"]),
        ("Field Services", "Preventive maintenance and on-site inspections.", ["MNT-PM"]),
        ("Consulting", "Planning, architecture and ITSM consulting engagements.", ["CON-PLAN", "CON-ITSM"]),
        ("Security Operations", "Security assessment, monitoring and special assurance.", ["SEC-AS", "SEC-OPS", "SEC-GUA"]),
        ("Tooling", "Monitoring and ITSM platforms.", ["TOOL-MON", "TOOL-ITSM"]),
    ];

    private async Task SeedAssignmentGroupsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.AssignmentGroups.Select(g => g.Name).ToHashSetAsync(cancellationToken);
        foreach (var (name, description, series) in Groups.Where(g => !existing.Contains(g.Name)))
            db.AssignmentGroups.Add(new AssignmentGroup(name, description, series));
    }
}

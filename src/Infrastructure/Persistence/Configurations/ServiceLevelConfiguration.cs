using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class ServiceLevelConfiguration : IEntityTypeConfiguration<ServiceLevel>
{
    public void Configure(EntityTypeBuilder<ServiceLevel> builder)
    {
        builder.ToTable("ServiceLevels");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.NameZh).HasMaxLength(200);
        builder.Property(l => l.CalendarCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(l => l.ResponseCalendarCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(l => l.PriceMultiplier).HasPrecision(9, 4);
        builder.Property(l => l.AvailabilityTargetPercent).HasPrecision(7, 4);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Targets).HasJsonConversion(1000);
        builder.Ignore(l => l.EffectiveResponseCalendarCode);
        builder.Ignore(l => l.IsRetired);

        // The list: best rank first, keyset on (rank, code), optionally by status.
        builder.HasIndex(l => new { l.Rank, l.Code });
        builder.HasIndex(l => new { l.Status, l.Rank, l.Code });

        // Which levels measure on a calendar. No foreign key: levels were stored before calendars existed, and
        // calendars are never deleted; the API checks that both codes name a calendar.
        builder.HasIndex(l => l.CalendarCode);
        builder.HasIndex(l => l.ResponseCalendarCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> builder)
    {
        builder.ToTable("BusinessCalendars");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(c => c.Name).HasMaxLength(BusinessCalendar.NameMaxLength);
        builder.Property(c => c.TimeZone).HasMaxLength(BusinessCalendar.TimeZoneMaxLength);

        // Read and written with the calendar, never queried: JSON columns, like a level's targets.
        builder.Property(c => c.Weekly)
            .HasConversion(
                v => CalendarColumns.WriteWeekly(v),
                v => CalendarColumns.ReadWeekly(v),
                new ValueComparer<IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>>(
                    (a, b) => CalendarColumns.WriteWeekly(a!) == CalendarColumns.WriteWeekly(b!),
                    v => CalendarColumns.WriteWeekly(v).GetHashCode(StringComparison.Ordinal),
                    v => CalendarColumns.ReadWeekly(CalendarColumns.WriteWeekly(v))))
            .HasMaxLength(4000)
            .IsRequired();
        builder.Property(c => c.Holidays).HasJsonConversion(16_000);
        builder.Property(c => c.ExtraWorkingDays)
            .HasConversion(
                v => CalendarColumns.WriteExtraWorkingDays(v),
                v => CalendarColumns.ReadExtraWorkingDays(v),
                new ValueComparer<IReadOnlyList<ExtraWorkingDay>>(
                    (a, b) => CalendarColumns.WriteExtraWorkingDays(a!) == CalendarColumns.WriteExtraWorkingDays(b!),
                    v => CalendarColumns.WriteExtraWorkingDays(v).GetHashCode(StringComparison.Ordinal),
                    v => CalendarColumns.ReadExtraWorkingDays(CalendarColumns.WriteExtraWorkingDays(v))))
            .HasMaxLength(64_000)
            .IsRequired();
        builder.Ignore(c => c.WeeklyWorkingMinutes);
    }
}

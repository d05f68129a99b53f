using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using static ServiceDesk.Domain.Tests.Changes.Changes;

namespace ServiceDesk.Domain.Tests.Changes;

/// <summary>
/// Scheduling (domain.md section 6): start before end and not in the past; overlapping windows on the same product for
/// the same customer are conflicts (a Normal change must acknowledge them); a freeze period refuses Normal and Standard
/// changes, an Emergency change passes it and is flagged.
/// </summary>
public class ChangeSchedulingTests
{
    private static readonly DateTimeOffset Later = On(10, 9);

    private static Change Approved(ChangeType type = ChangeType.Normal, Guid? customerId = null, params string[] products)
    {
        var risk = type == ChangeType.Standard ? ChangeRisk.Low : ChangeRisk.Medium;
        var defaultProducts = type == ChangeType.Standard ? [RequestProduct] : new[] { SupportProduct };
        return In(ChangeStatus.Approved, Draft(type, risk, customerId, products.Length == 0 ? defaultProducts : products));
    }

    private static FreezePeriod Freeze(string name, DateTimeOffset start, DateTimeOffset end, Guid? customerId = null) =>
        FreezePeriod.Declare(name, start, end, customerId, "wang.fang", Now);

    // ---- the window ----

    [Fact]
    public void A_window_must_end_after_it_starts()
    {
        var refused = Assert.Throws<DomainException>(() => ChangeWindow.Create(On(20, 12), On(20, 10)));
        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("plannedEnd", refused.Field);

        Assert.Throws<DomainException>(() => ChangeWindow.Create(On(20, 12), On(20, 12)));
    }

    [Fact]
    public void A_window_in_the_past_is_refused()
    {
        var change = Approved(customerId: Acme);

        var refused = Assert.Throws<DomainException>(() => change.Schedule(ChangeWindow.Create(Later.AddMinutes(-1), Later.AddHours(1)), false, [], [], Requester, Later));

        Assert.Equal("window-in-the-past", refused.Rule);
        Assert.Equal("plannedStart", refused.Field);
        Assert.Equal(ChangeStatus.Approved, change.Status);
    }

    [Fact]
    public void A_window_starting_now_is_accepted()
    {
        var change = Approved(customerId: Acme);

        change.Schedule(ChangeWindow.Create(Later, Later.AddHours(1)), false, [], [], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
    }

    [Fact]
    public void Windows_are_kept_in_UTC()
    {
        var window = ChangeWindow.Create(new DateTimeOffset(2026, 3, 20, 18, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 3, 20, 20, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Equal(On(20, 10), window.Start);
    }

    [Theory]
    [InlineData(10, 12, 12, 14, false)] // touching: one ends when the other starts
    [InlineData(12, 14, 10, 12, false)]
    [InlineData(10, 12, 11, 13, true)]
    [InlineData(10, 14, 11, 12, true)] // one inside the other
    [InlineData(10, 12, 10, 12, true)]
    [InlineData(10, 11, 13, 14, false)]
    public void Windows_overlap_only_when_each_starts_before_the_other_ends(int aStart, int aEnd, int bStart, int bEnd, bool overlap)
    {
        Assert.Equal(overlap, Window(20, aStart, aEnd).Overlaps(Window(20, bStart, bEnd)));
    }

    [Fact]
    public void Scheduling_records_the_window_and_raises_change_scheduled()
    {
        var change = Approved(customerId: Acme);

        change.Schedule(Window(20, 10, 12), false, [], [], Requester, Later);

        Assert.Equal(On(20, 10), change.PlannedStart);
        Assert.Equal(On(20, 12), change.PlannedEnd);
        Assert.Empty(change.Conflicts);
        Assert.False(change.ScheduledInFreeze);
        var scheduled = Assert.Single(change.Events<ChangeScheduled>());
        Assert.Equal(On(20, 10), scheduled.PlannedStart);
        Assert.Contains(change.NewHistory, h => h.Action == "scheduled" && h.Field == "plannedWindow");
    }

    [Fact]
    public void A_scheduled_change_can_be_planned_again_and_history_shows_both_windows()
    {
        var change = Scheduled(Window(20, 10, 12), Acme, SupportProduct);

        change.Schedule(Window(21, 10, 12), false, [], [], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
        Assert.Equal(On(21, 10), change.PlannedStart);
        var replanned = change.NewHistory.Last(h => h.Action == "scheduled");
        Assert.Equal(Window(20, 10, 12).ToString(), replanned.OldValue);
        Assert.Equal(Window(21, 10, 12).ToString(), replanned.NewValue);
    }

    // ---- conflicts ----

    [Fact]
    public void An_overlapping_change_on_the_same_product_for_the_same_customer_conflicts()
    {
        var other = Scheduled(Window(20, 9, 11), Acme, SupportProduct);
        var change = Approved(customerId: Acme);

        Assert.True(change.WouldConflictWith(other, Window(20, 10, 12)));
    }

    [Fact]
    public void Touching_windows_are_not_conflicts()
    {
        var other = Scheduled(Window(20, 8, 10), Acme, SupportProduct);
        var change = Approved(customerId: Acme);

        Assert.False(change.WouldConflictWith(other, Window(20, 10, 12)));
        change.Schedule(Window(20, 10, 12), false, [other], [], Requester, Later);
        Assert.Empty(change.Conflicts);
    }

    [Fact]
    public void Changes_for_different_customers_do_not_conflict()
    {
        var other = Scheduled(Window(20, 9, 11), Globex, SupportProduct);
        var change = Approved(customerId: Acme);

        Assert.False(change.WouldConflictWith(other, Window(20, 10, 12)));
    }

    [Fact]
    public void A_global_change_conflicts_with_any_customer_s_change_on_the_product()
    {
        var acme = Scheduled(Window(20, 9, 11), Acme, SupportProduct);
        var globex = Scheduled(Window(20, 11, 13), Globex, SupportProduct);
        var global = Approved(customerId: null);

        Assert.True(global.WouldConflictWith(acme, Window(20, 10, 12)));
        Assert.True(global.WouldConflictWith(globex, Window(20, 10, 12)));
    }

    [Fact]
    public void A_customer_s_change_conflicts_with_a_global_change_on_the_product()
    {
        var global = Scheduled(Window(20, 9, 11), null, SupportProduct);
        var change = Approved(customerId: Acme);

        Assert.True(change.WouldConflictWith(global, Window(20, 10, 12)));
    }

    [Fact]
    public void Changes_on_different_products_do_not_conflict()
    {
        var other = Scheduled(Window(20, 9, 11), Acme, "OPS-SD-01");
        var change = Approved(customerId: Acme);

        Assert.False(change.WouldConflictWith(other, Window(20, 10, 12)));
    }

    [Theory]
    [InlineData(ChangeStatus.Approved)]
    [InlineData(ChangeStatus.Implemented)]
    [InlineData(ChangeStatus.Closed)]
    [InlineData(ChangeStatus.Cancelled)]
    public void Only_scheduled_or_implementing_changes_hold_their_window(ChangeStatus status)
    {
        var other = In(status, Draft(ChangeType.Normal, ChangeRisk.Medium, Acme, SupportProduct), Window(20, 9, 11));
        var change = Approved(customerId: Acme);

        Assert.False(change.WouldConflictWith(other, Window(20, 10, 12)));
    }

    [Fact]
    public void An_implementing_change_holds_its_window()
    {
        var other = In(ChangeStatus.Implementing, Draft(ChangeType.Normal, ChangeRisk.Medium, Acme, SupportProduct), Window(20, 9, 11));
        var change = Approved(customerId: Acme);

        Assert.True(change.WouldConflictWith(other, Window(20, 10, 12)));
    }

    [Fact]
    public void A_change_never_conflicts_with_itself_when_re_planned()
    {
        var change = Scheduled(Window(20, 10, 12), Acme, SupportProduct);

        change.Schedule(Window(20, 11, 13), false, [change], [], Requester, Later);

        Assert.Empty(change.Conflicts);
    }

    [Fact]
    public void A_normal_change_over_conflicts_is_refused_with_409_listing_them_unless_acknowledged()
    {
        var first = Scheduled(Window(20, 9, 11), Acme, SupportProduct);
        var second = Scheduled(Window(20, 11, 12), null, SupportProduct);
        var change = Approved(customerId: Acme);

        var refused = Assert.Throws<DomainException>(() => change.Schedule(Window(20, 10, 12), false, [second, first], [], Requester, Later));

        Assert.Equal("change-conflict", refused.Rule);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains(first.Number, refused.Message, StringComparison.Ordinal);
        Assert.Contains(second.Number, refused.Message, StringComparison.Ordinal);
        var listed = Assert.IsAssignableFrom<IReadOnlyList<ChangeConflict>>(refused.Details!["conflicts"]);
        Assert.Equal([first.Number, second.Number], listed.Select(c => c.Number));
        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Null(change.PlannedStart);
    }

    [Fact]
    public void An_acknowledged_normal_change_is_scheduled_over_its_conflicts_and_keeps_them()
    {
        var other = Scheduled(Window(20, 9, 11), Acme, SupportProduct);
        var change = Approved(customerId: Acme);

        change.Schedule(Window(20, 10, 12), acknowledgeConflicts: true, [other], [], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
        Assert.Equal([other.Number], change.Conflicts);
        Assert.Contains(change.NewHistory, h => h.Action == "conflicts" && h.NewValue == other.Number);
    }

    [Theory]
    [InlineData(ChangeType.Standard)]
    [InlineData(ChangeType.Emergency)]
    public void Standard_and_emergency_changes_are_scheduled_over_conflicts_and_the_conflicts_are_recorded(ChangeType type)
    {
        var product = type == ChangeType.Standard ? RequestProduct : SupportProduct;
        var other = Scheduled(Window(20, 9, 11), Acme, product);
        var change = Approved(type, Acme, product);

        change.Schedule(Window(20, 10, 12), false, [other], [], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
        Assert.Equal([other.Number], change.Conflicts);
    }

    // ---- freeze periods ----

    [Theory]
    [InlineData(ChangeType.Normal)]
    [InlineData(ChangeType.Standard)]
    public void A_freeze_period_refuses_normal_and_standard_changes_naming_the_period(ChangeType type)
    {
        var freeze = Freeze("Quarter-end close", On(20, 0), On(22, 0));
        var change = Approved(type, Acme);

        var refused = Assert.Throws<DomainException>(() => change.Schedule(Window(21, 10, 12), true, [], [freeze], Requester, Later));

        Assert.Equal("change-freeze", refused.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, refused.Kind);
        Assert.Contains("'Quarter-end close'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Approved, change.Status);
    }

    [Fact]
    public void An_emergency_change_passes_a_freeze_and_is_flagged()
    {
        var freeze = Freeze("Quarter-end close", On(20, 0), On(22, 0), Acme);
        var change = Approved(ChangeType.Emergency, Acme);

        change.Schedule(Window(21, 10, 12), false, [], [freeze], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
        Assert.True(change.ScheduledInFreeze);
        Assert.Equal(["Quarter-end close"], change.FreezeOverrides);
        Assert.Contains(change.NewHistory, h => h.Action == "freeze-override");
        Assert.True(Assert.Single(change.Events<ChangeScheduled>()).ScheduledInFreeze);
    }

    [Fact]
    public void Another_customer_s_freeze_does_not_apply()
    {
        var freeze = Freeze("Globex audit", On(20, 0), On(22, 0), Globex);
        var change = Approved(customerId: Acme);

        change.Schedule(Window(21, 10, 12), false, [], [freeze], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
        Assert.False(change.ScheduledInFreeze);
    }

    [Fact]
    public void A_global_freeze_applies_to_every_customer()
    {
        var freeze = Freeze("Year-end", On(20, 0), On(22, 0));

        Assert.True(freeze.Covers(Window(21, 10, 12), Acme));
        Assert.True(freeze.Covers(Window(21, 10, 12), Globex));
        Assert.True(freeze.Covers(Window(21, 10, 12), null));
    }

    [Fact]
    public void A_customer_s_freeze_applies_to_a_global_change()
    {
        var freeze = Freeze("Acme audit", On(20, 0), On(22, 0), Acme);
        var change = Approved(customerId: null);

        var refused = Assert.Throws<DomainException>(() => change.Schedule(Window(21, 10, 12), false, [], [freeze], Requester, Later));

        Assert.Equal("change-freeze", refused.Rule);
    }

    [Fact]
    public void A_window_that_only_touches_a_freeze_is_not_in_it()
    {
        var freeze = Freeze("Maintenance freeze", On(20, 12), On(20, 18));
        var change = Approved(customerId: Acme);

        change.Schedule(Window(20, 10, 12), false, [], [freeze], Requester, Later);

        Assert.Equal(ChangeStatus.Scheduled, change.Status);
    }

    [Fact]
    public void A_freeze_is_checked_before_conflicts()
    {
        var freeze = Freeze("Year-end", On(20, 0), On(22, 0));
        var other = Scheduled(Window(21, 9, 11), Acme, SupportProduct);
        var change = Approved(customerId: Acme);

        var refused = Assert.Throws<DomainException>(() => change.Schedule(Window(21, 10, 12), false, [other], [freeze], Requester, Later));

        Assert.Equal("change-freeze", refused.Rule);
    }

    [Fact]
    public void A_freeze_must_end_after_it_starts_and_not_be_over_already()
    {
        Assert.Equal("end", Assert.Throws<DomainException>(() => Freeze("Backwards", On(22, 0), On(20, 0))).Field);
        Assert.Equal("end", Assert.Throws<DomainException>(() => Freeze("Over", Now.AddDays(-3), Now.AddDays(-1))).Field);
        Assert.Equal("name", Assert.Throws<DomainException>(() => Freeze(" ", On(20, 0), On(22, 0))).Field);
    }
}

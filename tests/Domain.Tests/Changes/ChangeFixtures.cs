using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Tests.Changes;

/// <summary>Changes for the tests: written in full, and walked along the state machine one legal step a minute.</summary>
internal static class Changes
{
    public static readonly Actor Requester = new("key-requester", "li.wei", IsCustomer: false);
    public static readonly Actor Approver = new("key-approver-1", "zhao.min", IsCustomer: false);
    public static readonly Actor SecondApprover = new("key-approver-2", "wang.fang", IsCustomer: false);

    /// <summary>Another key with the requester's name: approvals tell people apart by id, not by name.</summary>
    public static readonly Actor NamesakeApprover = new("key-approver-3", "li.wei", IsCustomer: false);

    public static readonly Guid Acme = new("0192f0c0-0000-7000-8000-00000000ac01");
    public static readonly Guid Globex = new("0192f0c0-0000-7000-8000-00000000910b");

    /// <summary>OPS-APP-04 Application Release Management is a request product; OPS-INF-03 Network Operations is a support product.</summary>
    public const string RequestProduct = "OPS-APP-04";
    public const string OtherRequestProduct = "SEC-AS-02";
    public const string SupportProduct = "OPS-INF-03";

    public static readonly IReadOnlyDictionary<string, ProductKind> Kinds = new Dictionary<string, ProductKind>
    {
        [RequestProduct] = ProductKind.Request,
        [OtherRequestProduct] = ProductKind.Request,
        [SupportProduct] = ProductKind.Support,
        ["OPS-SD-01"] = ProductKind.Support,
    };

    /// <summary>Monday 2026-03-09 09:00 in Shanghai (01:00Z): when the tests' changes are raised.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);

    /// <summary>An instant on a later day (UTC), for planned windows.</summary>
    public static DateTimeOffset On(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    public static ChangeWindow Window(int day, int fromHour, int toHour) => ChangeWindow.Create(On(day, fromHour), On(day, toHour));

    private static int _next;

    public static ChangeDetails Details(ChangeType? type = ChangeType.Normal, ChangeRisk? risk = ChangeRisk.Medium, Guid? customerId = null, params string[] products) =>
        new()
        {
            Type = type,
            Risk = risk,
            Summary = "Upgrade core switch firmware",
            Description = "Vendor advisory: trunks drop under load.",
            ImplementationPlan = "Load the new image and reload.",
            BackoutPlan = "Boot the previous image.",
            ProductCodes = products.Length == 0 ? [SupportProduct] : products,
            CustomerId = customerId,
        };

    public static Change Draft(ChangeType? type = ChangeType.Normal, ChangeRisk? risk = ChangeRisk.Medium, Guid? customerId = null, params string[] products) =>
        Change.Open($"CHG{Interlocked.Increment(ref _next):D6}", Details(type, risk, customerId, products), Requester, Now);

    /// <summary>A Normal Medium change for Acme on the support product, moved to <paramref name="status"/>.</summary>
    public static Change In(ChangeStatus status) => In(status, Draft(customerId: Acme));

    /// <summary>Moves <paramref name="change"/> (a Draft) to <paramref name="status"/> by legal steps, a minute apart; scheduled on day 20, 10:00-12:00.</summary>
    public static Change In(ChangeStatus status, Change change, ChangeWindow? window = null)
    {
        var at = Now;
        DateTimeOffset Next() => at = at.AddMinutes(1);

        if (status == ChangeStatus.Draft)
            return change;
        if (status == ChangeStatus.Cancelled)
        {
            change.Cancel(Requester, Next());
            return change;
        }

        change.Submit(Kinds, Requester, Next());
        if (status == ChangeStatus.Submitted && change.Status == ChangeStatus.Submitted)
            return change;
        if (status == ChangeStatus.Rejected)
        {
            change.Reject("Backout plan untested.", Approver, Next());
            return change;
        }

        if (change.Status == ChangeStatus.Submitted)
            change.Approve("Looks safe.", Approver, Next());
        if (change.Status == ChangeStatus.Submitted)
            change.Approve("Agreed.", SecondApprover, Next());
        if (status == ChangeStatus.Approved)
            return change;

        change.Schedule(window ?? Window(20, 10, 12), acknowledgeConflicts: false, [], [], Requester, Next());
        if (status == ChangeStatus.Scheduled)
            return change;
        change.Start(Requester, Next());
        if (status == ChangeStatus.Implementing)
            return change;
        change.Complete(Requester, Next());
        if (status == ChangeStatus.Implemented)
            return change;
        change.Review(ChangeOutcome.Successful, "Trunks stable.", Requester, Next());
        if (status == ChangeStatus.Reviewed)
            return change;
        change.Close(Requester, Next());
        return change;
    }

    /// <summary>A change scheduled in a window, for the customer (null: global), on the products.</summary>
    public static Change Scheduled(ChangeWindow window, Guid? customerId, params string[] products) =>
        In(ChangeStatus.Scheduled, Draft(ChangeType.Normal, ChangeRisk.Medium, customerId, products), window);

    public static IReadOnlyList<TEvent> Events<TEvent>(this Change change) where TEvent : DomainEvent =>
        [.. change.DomainEvents.OfType<TEvent>()];
}

namespace ServiceDesk.Domain.Common;

/// <summary>
/// The stable names of the rules a request can be refused by: each becomes a problem <c>type</c>
/// (<c>https://servicedesk.dev/problems/{name}</c>) that clients branch on, so a name never changes once published.
/// Routes declare the ones they can return (<c>.ProducesProblemTypes(...)</c> in the Api), and the OpenAPI document
/// lists them per operation.
/// </summary>
public static class RuleNames
{
    // Any resource with a state machine.
    public const string IllegalTransition = "illegal-transition";

    // Catalog, service levels and calendars.
    public const string ProductRetired = "product-retired";
    public const string ServiceLevelRetired = "service-level-retired";
    public const string ServiceLevelInUse = "service-level-in-use";
    public const string CalendarDateConflict = "calendar-date-conflict";

    // Customers and the intake.
    public const string CustomerInactive = "customer-inactive";
    public const string NotEntitled = "not-entitled";
    public const string NotRequestable = "not-requestable";

    // Tickets.
    public const string ForbiddenVisibility = "forbidden-visibility";
    public const string NotResolved = "not-resolved";
    public const string AlreadyRated = "already-rated";

    // Problems and the links between tickets, problems and changes.
    public const string AlreadyLinked = "already-linked";
    public const string IncidentAlreadyLinked = "incident-already-linked";
    public const string NotLinked = "not-linked";
    public const string NotAKnownError = "not-a-known-error";

    // Changes.
    public const string ChangeIncomplete = "change-incomplete";
    public const string NotAStandardChange = "not-a-standard-change";
    public const string RequesterCannotApprove = "requester-cannot-approve";
    public const string AlreadyApproved = "already-approved";
    public const string WindowInThePast = "window-in-the-past";
    public const string ChangeFreeze = "change-freeze";
    public const string ChangeConflict = "change-conflict";
    public const string ChangeNotImplemented = "change-not-implemented";
    public const string ChangeNotSuccessful = "change-not-successful";

    // Webhooks.
    public const string PrivateTarget = "private-target";

    // Any write: a client-chosen key that is taken, a write that lost every optimistic-concurrency retry,
    // and the Idempotency-Key rules.
    public const string Duplicate = "duplicate";
    public const string WriteContention = "write-contention";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string IdempotencyInProgress = "idempotency-in-progress";
}

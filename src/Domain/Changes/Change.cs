using System.Globalization;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Domain.Changes;

/// <summary>
/// A change request (CHG): the state machine of domain.md section 6 with its approval rules, its planned window
/// (checked against conflicts and freeze periods), its review outcome, the incidents and problems it fixes and the
/// incidents it caused. Every step leaves a history line. The desk's intake raises a bare Draft
/// (the intake's overload of <c>Open</c>) that is completed here before it is submitted.
/// </summary>
public sealed class Change : AuditedAggregate<ChangeHistoryEntry>, IHasDomainEvents
{
    public const string NumberPrefix = "CHG";
    public const int SummaryMaxLength = DeskRecord.SummaryMaxLength;
    public const int DescriptionMaxLength = DeskRecord.DescriptionMaxLength;
    public const int PlanMaxLength = 8000;
    public const int CommentMaxLength = 2000;
    public const int MaxProducts = 50;

    /// <summary>The states a change holds its window in: what conflicts are looked for among.</summary>
    public static readonly IReadOnlyList<ChangeStatus> WindowHoldingStates = [ChangeStatus.Scheduled, ChangeStatus.Implementing];

    private readonly List<DomainEvent> _events = [];
    private readonly List<ChangeProduct> _affectedProducts = [];

    private Change()
    {
        Number = Summary = Description = RequestedBy = RequestedById = string.Empty;
    }

    private Change(Guid id, string number, ChangeDetails details, Channel channel, string? externalReference, Actor requester, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        Summary = Description = string.Empty;
        Channel = channel;
        ExternalReference = externalReference;
        RequestedBy = requester.Name;
        RequestedById = requester.Id;
        CreatedAt = createdAt;
        LastChangedAt = createdAt;
        Status = ChangeStatus.Draft;
        Apply(details);
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public ChangeType? Type { get; private set; }

    public ChangeRisk? Risk { get; private set; }

    /// <summary>The customer affected; null for a global change (it affects every customer).</summary>
    public Guid? CustomerId { get; private set; }

    public IReadOnlyList<string> ProductCodes { get; private set; } = [];

    public string Summary { get; private set; }

    public string Description { get; private set; }

    public string? ImplementationPlan { get; private set; }

    public string? BackoutPlan { get; private set; }

    public Channel Channel { get; private set; }

    public string? ExternalReference { get; private set; }

    public string RequestedBy { get; private set; }

    /// <summary>The requester's stable id: the requester may not approve their own change.</summary>
    public string RequestedById { get; private set; }

    public ChangeStatus Status { get; private set; }

    /// <summary>How many approvals the change needs (0 for Standard; fixed when it is submitted).</summary>
    public int RequiredApprovals { get; private set; }

    public IReadOnlyList<ChangeApproval> Approvals { get; private set; } = [];

    public DateTimeOffset? PlannedStart { get; private set; }

    public DateTimeOffset? PlannedEnd { get; private set; }

    /// <summary>The changes whose windows overlapped this one when it was scheduled (acknowledged, or not blocking for its type).</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    /// <summary>An Emergency change scheduled into a freeze period is flagged; the freezes it overrode are named.</summary>
    public bool ScheduledInFreeze { get; private set; }

    public IReadOnlyList<string> FreezeOverrides { get; private set; } = [];

    public DateTimeOffset? ActualStart { get; private set; }

    public DateTimeOffset? ActualEnd { get; private set; }

    public ChangeOutcome? Outcome { get; private set; }

    public string? ReviewNotes { get; private set; }

    public IReadOnlyList<string> FixesIncidents { get; private set; } = [];

    public IReadOnlyList<string> FixesProblems { get; private set; } = [];

    public IReadOnlyList<string> CausedIncidents { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>When it reached a final state (Closed, Rejected or Cancelled).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>The products affected, as rows of the overlap index (see <see cref="ChangeProduct"/>).</summary>
    public IReadOnlyList<ChangeProduct> AffectedProducts => _affectedProducts;

    public ChangeWindow? Window => PlannedStart is { } start && PlannedEnd is { } end ? ChangeWindow.Create(start, end) : null;

    public bool IsFinal => Status is ChangeStatus.Closed or ChangeStatus.Rejected or ChangeStatus.Cancelled;

    /// <summary>Whether the change has been carried out (so it can have fixed or caused something).</summary>
    public bool IsImplemented => Status is ChangeStatus.Implemented or ChangeStatus.Reviewed or ChangeStatus.Closed;

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Approvals a change of this type and risk needs: Standard none, Normal 1 (2 at High risk), Emergency 1.</summary>
    public static int ApprovalsRequiredFor(ChangeType? type, ChangeRisk? risk) => type switch
    {
        ChangeType.Standard => 0,
        ChangeType.Normal => risk == ChangeRisk.High ? 2 : 1,
        ChangeType.Emergency => 1,
        _ => 1,
    };

    /// <summary>A change request raised at the desk: a Draft for change management to complete.</summary>
    public static Change Open(string number, Guid customerId, string? productCode, string summary, string description,
        Channel channel, string? externalReference, Actor requester, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var details = new ChangeDetails
        {
            Summary = summary,
            Description = description,
            ProductCodes = productCode is null ? [] : [productCode],
            CustomerId = customerId,
        };
        var change = new Change(Guid.CreateVersion7(at), number, details, channel, externalReference, requester, at);
        change.Created(at);
        return change;
    }

    /// <summary>A change written in full by change management (POST /changes): a Draft until it is submitted.</summary>
    public static Change Open(string number, ChangeDetails details, Actor requester, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(requester);
        var change = new Change(Guid.CreateVersion7(at), number, details, Channel.Api, null, requester, at);
        change.Created(at);
        return change;
    }

    /// <summary>Completes or corrects a Draft (type, risk, plans, products, customer...). Submitted changes are frozen.</summary>
    public void Update(ChangeDetails details, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(by);
        if (Status != ChangeStatus.Draft)
            throw DomainException.IllegalTransition("change", Status, "edit");

        var before = Snapshot();
        Apply(details);
        var after = Snapshot();
        foreach (var (field, old) in before)
        {
            if (old != after[field])
                Record(now, by, "updated", field, old, after[field]);
        }

        Touched(now);
    }

    /// <summary>
    /// Submits a complete Draft for approval. A Standard change (Low risk, only catalog products of kind
    /// <c>request</c>) is approved at once; the others wait for their approvals.
    /// </summary>
    /// <param name="productKinds">The catalog kind of each affected product.</param>
    public void Submit(IReadOnlyDictionary<string, ProductKind> productKinds, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(productKinds);
        if (Status != ChangeStatus.Draft)
            throw DomainException.IllegalTransition("change", Status, "submit");
        EnsureComplete();
        if (Type == ChangeType.Standard)
            EnsureStandard(productKinds);

        RequiredApprovals = ApprovalsRequiredFor(Type, Risk);
        SubmittedAt = now;
        MoveTo(ChangeStatus.Submitted, by, now);
        if (Type == ChangeType.Standard)
            BecomeApproved(by, now, "standard change: pre-approved");
        Touched(now);
    }

    /// <summary>One approval. The change is Approved once it has as many as it needs.</summary>
    public void Approve(string comment, Actor approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (Status != ChangeStatus.Submitted)
            throw DomainException.IllegalTransition("change", Status, "approve");
        if (approver.Id == RequestedById)
            throw new DomainException(RuleNames.RequesterCannotApprove, $"{approver.Name} requested change {Number} and cannot approve it; another change approver must.");
        if (Approvals.Any(a => a.ApproverId == approver.Id && a.Decision == ApprovalDecision.Approved))
            throw new DomainException(RuleNames.AlreadyApproved, $"{approver.Name} has already approved change {Number}; it needs an approval from someone else.", DomainErrorKind.Conflict);

        var text = Guard.Required(comment, "comment", CommentMaxLength);
        Approvals = [.. Approvals, new ChangeApproval(approver.Id, approver.Name, ApprovalDecision.Approved, text, now)];
        var count = ApprovalCount;
        Record(now, approver, "approval", "approvals", (count - 1).ToString(CultureInfo.InvariantCulture), $"{count} of {RequiredApprovals} ({text})");
        if (count >= RequiredApprovals)
            BecomeApproved(approver, now, null);
        Touched(now);
    }

    /// <summary>Any rejection rejects the change, whatever approvals it already had.</summary>
    public void Reject(string comment, Actor approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (Status != ChangeStatus.Submitted)
            throw DomainException.IllegalTransition("change", Status, "reject");
        var text = Guard.Required(comment, "comment", CommentMaxLength);
        Approvals = [.. Approvals, new ChangeApproval(approver.Id, approver.Name, ApprovalDecision.Rejected, text, now)];
        MoveTo(ChangeStatus.Rejected, approver, now, text);
        ClosedAt = now;
        Touched(now);
    }

    /// <summary>
    /// Plans (or re-plans) the window of an approved change. A window in the past is refused; a window in a freeze
    /// period that covers the change is refused unless the change is an Emergency (then it is flagged); overlapping
    /// changes are conflicts, which a Normal change must acknowledge and every type records.
    /// </summary>
    /// <param name="candidates">Changes that may overlap (at least every scheduled or implementing change on one of its products in the window).</param>
    /// <param name="freezes">Freeze periods that may overlap the window.</param>
    public void Schedule(ChangeWindow window, bool acknowledgeConflicts, IEnumerable<Change> candidates, IEnumerable<FreezePeriod> freezes, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(freezes);
        if (Status is not (ChangeStatus.Approved or ChangeStatus.Scheduled))
            throw DomainException.IllegalTransition("change", Status, "schedule");
        if (window.Start < now)
            throw new DomainException(RuleNames.WindowInThePast, $"The window starts at {window.Start:yyyy-MM-ddTHH:mm:ssZ}, which has already passed; plan a window from now on.", DomainErrorKind.Unprocessable, "plannedStart");

        var covering = freezes.Where(f => f.Covers(window, CustomerId)).OrderBy(f => f.Start).ToList();
        if (covering.Count > 0 && Type != ChangeType.Emergency)
        {
            throw new DomainException(RuleNames.ChangeFreeze,
                $"The window {window} overlaps freeze period {covering[0]}{(covering.Count > 1 ? $" (and {covering.Count - 1} more)" : string.Empty)}; only emergency changes may be scheduled in a freeze.",
                DomainErrorKind.Unprocessable, "plannedStart")
            {
                Details = new Dictionary<string, object?> { ["freezePeriods"] = covering.Select(f => new { f.Id, f.Name, f.Start, f.End, f.CustomerId }).ToList() },
            };
        }

        var conflicts = candidates.Where(c => WouldConflictWith(c, window))
            .OrderBy(c => c.PlannedStart).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => new ChangeConflict(c.Number, c.Summary, c.CustomerId, c.ProductCodes, c.PlannedStart!.Value, c.PlannedEnd!.Value, c.Status))
            .ToList();
        if (conflicts.Count > 0 && Type == ChangeType.Normal && !acknowledgeConflicts)
        {
            throw new DomainException(RuleNames.ChangeConflict,
                $"The window {window} overlaps {string.Join(", ", conflicts.Select(c => c.Number))} on the same products; schedule again with acknowledgeConflicts=true to go ahead regardless.",
                DomainErrorKind.Conflict, "plannedStart")
            {
                Details = new Dictionary<string, object?> { ["conflicts"] = conflicts },
            };
        }

        var wasScheduled = Status == ChangeStatus.Scheduled;
        Record(now, by, "scheduled", "plannedWindow", Window?.ToString(), window.ToString());
        PlannedStart = window.Start;
        PlannedEnd = window.End;

        var numbers = conflicts.Select(c => c.Number).ToList();
        if (numbers.Count > 0 || Conflicts.Count > 0)
            Record(now, by, "conflicts", "conflicts", Conflicts.Count == 0 ? null : string.Join(", ", Conflicts), numbers.Count == 0 ? null : string.Join(", ", numbers));
        Conflicts = numbers;

        var overridden = covering.Select(f => f.Name).ToList();
        if (overridden.Count > 0)
            Record(now, by, "freeze-override", "freezeOverrides", null, string.Join(", ", overridden));
        ScheduledInFreeze = overridden.Count > 0;
        FreezeOverrides = overridden;

        if (!wasScheduled)
            MoveTo(ChangeStatus.Scheduled, by, now);
        _events.Add(new ChangeScheduled(Number, now, Type, CustomerId, PlannedStart, PlannedEnd, numbers, ScheduledInFreeze));
        Touched(now);
    }

    /// <summary>
    /// Whether <paramref name="other"/> conflicts with this change in <paramref name="window"/>: it holds its window
    /// (scheduled or implementing), shares a product, its window overlaps (touching is not overlapping), and it is
    /// for the same customer, or either change is global.
    /// </summary>
    public bool WouldConflictWith(Change other, ChangeWindow window)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(window);
        return other.Id != Id
            && WindowHoldingStates.Contains(other.Status)
            && other.PlannedStart is { } start && other.PlannedEnd is { } end
            && window.Overlaps(start, end)
            && other.ProductCodes.Intersect(ProductCodes, StringComparer.Ordinal).Any()
            && (CustomerId is null || other.CustomerId is null || CustomerId == other.CustomerId);
    }

    /// <summary>Implementation starts; a scheduled change may start before its window opens (the actual start is recorded).</summary>
    public void Start(Actor by, DateTimeOffset now)
    {
        if (Status != ChangeStatus.Scheduled)
            throw DomainException.IllegalTransition("change", Status, "start");
        ActualStart = now;
        MoveTo(ChangeStatus.Implementing, by, now);
        Touched(now);
    }

    public void Complete(Actor by, DateTimeOffset now)
    {
        if (Status != ChangeStatus.Implementing)
            throw DomainException.IllegalTransition("change", Status, "complete");
        ActualEnd = now;
        MoveTo(ChangeStatus.Implemented, by, now);
        Touched(now);
    }

    /// <summary>The post-implementation review records the outcome.</summary>
    public void Review(ChangeOutcome outcome, string notes, Actor by, DateTimeOffset now)
    {
        if (Status != ChangeStatus.Implemented)
            throw DomainException.IllegalTransition("change", Status, "review");
        if (!Enum.IsDefined(outcome))
            throw DomainException.Invalid("outcome", "'outcome' must be Successful, Failed or RolledBack.");
        ReviewNotes = Guard.Required(notes, "notes", PlanMaxLength);
        Outcome = outcome;
        Record(now, by, "review", "outcome", null, outcome.ToString());
        MoveTo(ChangeStatus.Reviewed, by, now, ReviewNotes);
        Touched(now);
    }

    public void Close(Actor by, DateTimeOffset now)
    {
        if (Status != ChangeStatus.Reviewed)
            throw DomainException.IllegalTransition("change", Status, "close");
        ClosedAt = now;
        MoveTo(ChangeStatus.Closed, by, now);
        Touched(now);
    }

    /// <summary>Withdraws a change before implementation starts.</summary>
    public void Cancel(Actor by, DateTimeOffset now)
    {
        if (Status is not (ChangeStatus.Draft or ChangeStatus.Submitted or ChangeStatus.Approved or ChangeStatus.Scheduled))
            throw DomainException.IllegalTransition("change", Status, "cancel");
        ClosedAt = now;
        MoveTo(ChangeStatus.Cancelled, by, now);
        Touched(now);
    }

    /// <summary>Records that the change fixes an incident (planned or done). Linking twice is harmless.</summary>
    public void AddFixedIncident(string incidentNumber, Actor by, DateTimeOffset now) =>
        FixesIncidents = Link(FixesIncidents, incidentNumber, "fixesIncidents", by, now);

    public void RemoveFixedIncident(string incidentNumber, Actor by, DateTimeOffset now) =>
        FixesIncidents = Unlink(FixesIncidents, incidentNumber, "fixesIncidents", by, now);

    /// <summary>Records that the change fixes a problem (a resolved problem names the change that fixed it).</summary>
    public void AddFixedProblem(string problemNumber, Actor by, DateTimeOffset now) =>
        FixesProblems = Link(FixesProblems, problemNumber, "fixesProblems", by, now);

    public void RemoveFixedProblem(string problemNumber, Actor by, DateTimeOffset now) =>
        FixesProblems = Unlink(FixesProblems, problemNumber, "fixesProblems", by, now);

    /// <summary>An incident names this change as its cause: only a change that was carried out can have caused one.</summary>
    public void RecordCausedIncident(string incidentNumber, Actor by, DateTimeOffset now)
    {
        if (Status is not (ChangeStatus.Implementing or ChangeStatus.Implemented or ChangeStatus.Reviewed or ChangeStatus.Closed))
            throw DomainException.ChangeNotImplemented($"Change {Number} is {Status}: it has not been carried out, so it cannot have caused an incident.", "changeNumber");
        CausedIncidents = Link(CausedIncidents, incidentNumber, "causedIncidents", by, now, allowFinal: true);
    }

    public void ForgetCausedIncident(string incidentNumber, Actor by, DateTimeOffset now) =>
        CausedIncidents = Unlink(CausedIncidents, incidentNumber, "causedIncidents", by, now, allowFinal: true);

    /// <summary>Refuses naming this change as the fix of a problem unless it was carried out and did not fail.</summary>
    public void EnsureDeliveredFix(string field = "changeNumber")
    {
        if (!IsImplemented)
            throw DomainException.ChangeNotImplemented($"Change {Number} is {Status}: a problem is resolved by a change that has been implemented.", field);
        if (Outcome is ChangeOutcome.Failed or ChangeOutcome.RolledBack)
            throw new DomainException(RuleNames.ChangeNotSuccessful, $"Change {Number} was reviewed as {Outcome}: it did not fix anything.", DomainErrorKind.Unprocessable, field);
    }

    private int ApprovalCount => Approvals.Count(a => a.Decision == ApprovalDecision.Approved);

    private void Created(DateTimeOffset at)
    {
        Record(at, new Actor(RequestedById, RequestedBy, IsCustomer: false), "created", "status", null, Status.ToString());
        _events.Add(new ChangeCreated(Number, at, CustomerId));
        SyncAffectedProducts();
    }

    /// <summary>Assigns the requester's fields, checked first: a refused update leaves the change as it was.</summary>
    private void Apply(ChangeDetails details)
    {
        if (details.Type is { } type && !Enum.IsDefined(type))
            throw DomainException.Invalid("type", "'type' must be Standard, Normal or Emergency.");
        if (details.Risk is { } risk && !Enum.IsDefined(risk))
            throw DomainException.Invalid("risk", "'risk' must be Low, Medium or High.");
        var summary = Guard.Required(details.Summary, "summary", SummaryMaxLength);
        var description = Guard.Required(details.Description, "description", DescriptionMaxLength);
        var implementationPlan = Guard.Optional(details.ImplementationPlan, "implementationPlan", PlanMaxLength);
        var backoutPlan = Guard.Optional(details.BackoutPlan, "backoutPlan", PlanMaxLength);
        var products = (details.ProductCodes ?? []).Select(code => Guard.Code(code, "productCodes")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (products.Count > MaxProducts)
            throw DomainException.Invalid("productCodes", $"'productCodes' may name at most {MaxProducts} products.");

        Type = details.Type;
        Risk = details.Risk;
        Summary = summary;
        Description = description;
        ImplementationPlan = implementationPlan;
        BackoutPlan = backoutPlan;
        ProductCodes = products;
        CustomerId = details.CustomerId;
        RequiredApprovals = ApprovalsRequiredFor(Type, Risk);
    }

    private Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        ["type"] = Type?.ToString(),
        ["risk"] = Risk?.ToString(),
        ["summary"] = Summary,
        ["description"] = Description,
        ["implementationPlan"] = ImplementationPlan,
        ["backoutPlan"] = BackoutPlan,
        ["productCodes"] = string.Join(", ", ProductCodes),
        ["customerId"] = CustomerId?.ToString(),
    };

    private void EnsureComplete()
    {
        var missing = new List<string>();
        if (Type is null)
            missing.Add("type");
        if (Risk is null)
            missing.Add("risk");
        if (ImplementationPlan is null)
            missing.Add("implementationPlan");
        if (BackoutPlan is null)
            missing.Add("backoutPlan");
        if (ProductCodes.Count == 0)
            missing.Add("productCodes");
        if (missing.Count > 0)
            throw new DomainException(RuleNames.ChangeIncomplete, $"Change {Number} cannot be submitted without {string.Join(", ", missing)}; complete the draft first (PATCH).", DomainErrorKind.Unprocessable, missing[0]);
    }

    private void EnsureStandard(IReadOnlyDictionary<string, ProductKind> productKinds)
    {
        if (Risk != ChangeRisk.Low)
            throw DomainException.NotAStandardChange($"A standard change is pre-approved because it is low risk; change {Number} is {Risk} risk: submit it as a Normal change.");
        var notRequestable = ProductCodes.Where(code => !productKinds.TryGetValue(code, out var kind) || kind != ProductKind.Request).ToList();
        if (notRequestable.Count > 0)
            throw DomainException.NotAStandardChange($"A standard change comes from catalog products of kind request; {string.Join(", ", notRequestable)} {(notRequestable.Count == 1 ? "is" : "are")} not: submit it as a Normal change.");
    }

    private void BecomeApproved(Actor by, DateTimeOffset now, string? note)
    {
        ApprovedAt = now;
        MoveTo(ChangeStatus.Approved, by, now, note);
        _events.Add(new ChangeApproved(Number, now, Type, Risk, CustomerId, ApprovalCount, Automatic: Type == ChangeType.Standard));
    }

    private IReadOnlyList<string> Link(IReadOnlyList<string> numbers, string number, string field, Actor by, DateTimeOffset now, bool allowFinal = false)
    {
        if (!allowFinal && Status is ChangeStatus.Rejected or ChangeStatus.Cancelled)
            throw DomainException.IllegalTransition("change", Status, "link");
        if (numbers.Contains(number, StringComparer.Ordinal))
            return numbers;
        Record(now, by, "link", field, null, number);
        Touched(now);
        return [.. numbers.Append(number).Order(StringComparer.Ordinal)];
    }

    private IReadOnlyList<string> Unlink(IReadOnlyList<string> numbers, string number, string field, Actor by, DateTimeOffset now, bool allowFinal = false)
    {
        if (!allowFinal && Status is ChangeStatus.Rejected or ChangeStatus.Cancelled)
            throw DomainException.IllegalTransition("change", Status, "unlink");
        if (!numbers.Contains(number, StringComparer.Ordinal))
            throw DomainException.NotLinked($"Change {Number} does not list {number} in {field}.");
        Record(now, by, "unlink", field, number, null);
        Touched(now);
        return [.. numbers.Where(n => n != number)];
    }

    private void MoveTo(ChangeStatus status, Actor by, DateTimeOffset now, string? note = null)
    {
        Record(now, by, "status", "status", Status.ToString(), status.ToString(), note);
        Status = status;
    }

    private void Record(DateTimeOffset at, Actor by, string action, string? field, string? oldValue, string? newValue, string? note = null) =>
        Record(sequence => new ChangeHistoryEntry(Id, sequence, at, by.Name, action, field, oldValue, newValue, note));

    /// <summary>Every change stamps the change (so its version moves) and keeps the overlap index in step.</summary>
    private void Touched(DateTimeOffset now)
    {
        LastChangedAt = now;
        SyncAffectedProducts();
    }

    private void SyncAffectedProducts()
    {
        _affectedProducts.RemoveAll(p => !ProductCodes.Contains(p.ProductCode, StringComparer.Ordinal));
        foreach (var code in ProductCodes.Where(code => _affectedProducts.All(p => p.ProductCode != code)))
            _affectedProducts.Add(new ChangeProduct(Id, Number, code));
        foreach (var product in _affectedProducts)
            product.Mirror(this);
    }
}

namespace ServiceDesk.Domain.Changes;

/// <summary>The change states of domain.md section 6. Closed, Rejected and Cancelled are final.</summary>
public enum ChangeStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Scheduled,
    Implementing,
    Implemented,
    Reviewed,
    Closed,
    Cancelled,
}

/// <summary>How a change is approved: Standard is pre-approved, Normal needs approval, Emergency is expedited.</summary>
public enum ChangeType
{
    Standard,
    Normal,
    Emergency,
}

public enum ChangeRisk
{
    Low,
    Medium,
    High,
}

/// <summary>What the post-implementation review found.</summary>
public enum ChangeOutcome
{
    Successful,
    Failed,
    RolledBack,
}

public enum ApprovalDecision
{
    Approved,
    Rejected,
}

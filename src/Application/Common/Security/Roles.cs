namespace ServiceDesk.Application.Common.Security;

/// <summary>The roles a caller may hold (spelled as they appear on the wire).</summary>
public static class Roles
{
    public const string Customer = nameof(Customer);
    public const string Agent = nameof(Agent);
    public const string ChangeApprover = nameof(ChangeApprover);
    public const string Manager = nameof(Manager);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Customer, Agent, ChangeApprover, Manager, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

namespace ServiceDesk.Domain.Common;

/// <summary>
/// Who did something to a ticket, change or problem. <see cref="Id"/> tells people apart (the change approval rules
/// compare it: two API keys may share a name), <see cref="Name"/> is what history and comments show, and
/// <see cref="IsCustomer"/> says whether it was a customer user (customers write only public comments).
/// </summary>
public sealed record Actor(string Id, string Name, bool IsCustomer)
{
    /// <summary>The desk itself: the breach monitor and the auto-close.</summary>
    public static readonly Actor System = new("system", "system", false);
}

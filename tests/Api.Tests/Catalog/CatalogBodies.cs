namespace ServiceDesk.Api.Tests.Catalog;

/// <summary>Valid request bodies for catalog writes; each test changes what it is about.</summary>
internal static class CatalogBodies
{
    private static int _next;

    /// <summary>A fresh code that no other test uses (codes are global in a shared database).</summary>
    public static string NewCode(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next):D3}{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}";

    public static Dictionary<string, object?> Line(string code) => new()
    {
        ["code"] = code,
        ["name"] = "Cloud Services",
        ["nameZh"] = "云服务",
        ["description"] = "Cloud platforms run for the customer",
    };

    public static Dictionary<string, object?> Series(string code, string lineCode = "OPS") => new()
    {
        ["code"] = code,
        ["lineCode"] = lineCode,
        ["name"] = "Cloud Operations",
        ["nameZh"] = "云运维",
        ["scope"] = "cloud",
    };

    public static Dictionary<string, object?> Product(string code, string seriesCode = "OPS-SD") => new()
    {
        ["code"] = code,
        ["seriesCode"] = seriesCode,
        ["name"] = "Meeting Room Support",
        ["nameZh"] = "会议室支持",
        ["description"] = "Rooms ready before every meeting",
        ["kind"] = "support",
        ["deliveryModes"] = new[] { "Remote", "OnSite" },
        ["monthlyBasePrice"] = 900,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [key] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> body, string key)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(key);
        return copy;
    }

    /// <summary>The writable fields of a product body (what PUT takes): the create body without its code.</summary>
    public static Dictionary<string, object?> ProductPut(string seriesCode = "OPS-SD") => Product("UNUSED", seriesCode).Without("code");
}

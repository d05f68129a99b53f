using System.Security.Cryptography;
using System.Text;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Domain.Tests.Integrations;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private static DomainException AssertInvalid(string field, Func<object?> create)
    {
        var e = Assert.Throws<DomainException>(() => { _ = create(); });
        Assert.Equal(DomainErrorKind.Invalid, e.Kind);
        Assert.Equal(field, e.Field);
        return e;
    }

    [Fact]
    public void A_Customer_key_needs_a_customer_id()
    {
        AssertInvalid("customerId", () => ApiKey.Issue("portal", ["Customer"], null, Now));
        AssertInvalid("customerId", () => ApiKey.Issue("portal", ["Customer", "Agent"], null, Now));
    }

    [Fact]
    public void A_Customer_key_with_a_customer_id_is_issued()
    {
        var customerId = Guid.NewGuid();
        var (key, _) = ApiKey.Issue("portal", ["Customer"], customerId, Now);
        Assert.Equal(customerId, key.CustomerId);
        Assert.Equal(["Customer"], key.Roles);
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Admin")]
    [InlineData("Manager")]
    [InlineData("ChangeApprover")]
    public void A_key_without_the_Customer_role_may_not_belong_to_a_customer(string role)
    {
        AssertInvalid("customerId", () => ApiKey.Issue("bridge", [role], Guid.NewGuid(), Now));
    }

    [Fact]
    public void A_key_needs_at_least_one_role()
    {
        AssertInvalid("roles", () => ApiKey.Issue("bridge", [], null, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_key_needs_a_name(string name)
    {
        AssertInvalid("name", () => ApiKey.Issue(name, ["Agent"], null, Now));
    }

    [Fact]
    public void Roles_are_kept_once_each_in_order()
    {
        var (key, _) = ApiKey.Issue("bridge", ["Manager", "Agent", "Manager"], null, Now);
        Assert.Equal(["Agent", "Manager"], key.Roles);
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_SHA256_of_the_secret()
    {
        var (key, secret) = ApiKey.Issue("bridge", ["Agent"], null, Now);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(expected, key.Hash);
        Assert.Matches("^[0-9a-f]{64}$", key.Hash);
        Assert.Equal(key.Hash, ApiKey.HashOf(secret));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKey.HashOf("abc"));
    }

    [Fact]
    public void The_secret_is_never_stored_on_the_key()
    {
        var (key, secret) = ApiKey.Issue("bridge", ["Agent"], null, Now);

        Assert.StartsWith("sdk_", secret);
        Assert.True(secret.Length >= 32, "secrets carry enough randomness");
        var stored = typeof(ApiKey).GetProperties()
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => (string?)p.GetValue(key))
            .Concat(key.Roles);
        Assert.DoesNotContain(stored, value => value is not null && value.Contains(secret, StringComparison.Ordinal));
        Assert.True(key.Prefix.Length <= 8);
        Assert.StartsWith(key.Prefix, secret);
    }

    [Fact]
    public void Each_issued_secret_is_different()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => ApiKey.Issue("bridge", ["Agent"], null, Now).Secret).ToList();
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Fact]
    public void A_key_with_a_chosen_secret_is_found_by_that_secret_hash()
    {
        var key = ApiKey.WithSecret("bootstrap-admin", "my-admin-secret", ["Admin"], null, Now);
        Assert.Equal(ApiKey.HashOf("my-admin-secret"), key.Hash);
        Assert.Equal(Now, key.CreatedAt);
        Assert.False(key.IsRevoked);
    }

    [Fact]
    public void A_blank_chosen_secret_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => ApiKey.WithSecret("bootstrap-admin", " ", ["Admin"], null, Now));
    }

    [Fact]
    public void Revoking_a_key_records_when()
    {
        var (key, _) = ApiKey.Issue("bridge", ["Agent"], null, Now);

        key.Revoke(Now.AddHours(1));

        Assert.True(key.IsRevoked);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
    }

    [Fact]
    public void Revoking_a_revoked_key_is_refused()
    {
        var (key, _) = ApiKey.Issue("bridge", ["Agent"], null, Now);
        key.Revoke(Now);

        var e = Assert.Throws<DomainException>(() => key.Revoke(Now.AddHours(1)));

        Assert.Equal("illegal-transition", e.Rule);
        Assert.Equal(DomainErrorKind.Conflict, e.Kind);
        Assert.Equal(Now, key.RevokedAt);
    }
}

using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Behaviours;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Tests.Common;

public sealed class CommonTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("NameZh", "nameZh")]
    [InlineData("Contact.Email", "contact.email")]
    [InlineData("Body.Group", "group")]
    [InlineData("Body.Contact.Name", "contact.name")]
    [InlineData("Items[2].Code", "items[2].code")]
    public void Validation_errors_name_fields_as_clients_send_them(string propertyPath, string expected) =>
        Assert.Equal(expected, ValidationBehaviour<Probe, int>.JsonFieldName(propertyPath));

    [Fact]
    public void A_cursor_round_trips_its_key()
    {
        var cursor = Cursor.Encode(new Key(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero), "INC000042"));
        Assert.Equal(new Key(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero), "INC000042"), Cursor.Decode<Key>(cursor));
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("e30")]
    [InlineData("bnVsbA")]
    public void A_cursor_the_list_did_not_return_is_refused_naming_cursor(string cursor)
    {
        var e = Assert.Throws<RequestValidationException>(() => Cursor.Decode<Key>(cursor));
        Assert.Contains("cursor", e.Errors.Keys);
    }

    [Theory]
    [InlineData(Impact.High, true)]
    [InlineData(Impact.Low, true)]
    [InlineData((Impact)0, false)]
    [InlineData((Impact)42, false)]
    public void IsDefinedEnum_accepts_only_values_the_enum_defines(Impact impact, bool valid)
    {
        var result = new EnumProbeValidator().Validate(new EnumProbe(impact, impact));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["Nullable", "Plain"], result.Errors.Select(e => e.PropertyName).Order());
            Assert.All(result.Errors, e => Assert.EndsWith($"has a range of values which does not include '{impact}'.", e.ErrorMessage, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void IsDefinedEnum_leaves_a_missing_value_to_NotNull() =>
        Assert.True(new EnumProbeValidator().Validate(new EnumProbe(null, Impact.Medium)).IsValid);

    [Fact]
    public void A_page_of_size_plus_one_rows_drops_the_extra_and_points_after_the_last_kept()
    {
        var page = new List<int> { 5, 4, 3 }.ToPage(2, n => new Number(n));
        Assert.Equal([5, 4], page.Items);
        Assert.Equal(new Number(4), Cursor.Decode<Number>(page.NextCursor));

        var last = new List<int> { 5, 4 }.ToPage(2, n => new Number(n));
        Assert.Equal([5, 4], last.Items);
        Assert.Null(last.NextCursor);
    }

    private sealed record Number(int Value);

    private sealed record EnumProbe(Impact? Nullable, Impact Plain);

    private sealed class EnumProbeValidator : AbstractValidator<EnumProbe>
    {
        public EnumProbeValidator()
        {
            RuleFor(p => p.Nullable).IsDefinedEnum();
            RuleFor(p => p.Plain).IsDefinedEnum();
        }
    }

    [Fact]
    public void No_cursor_means_the_first_page() => Assert.Null(Cursor.Decode<Key>(null));

    [Theory]
    [InlineData(null, true)]
    [InlineData("\"3\"", true)]
    [InlineData("W/\"3\"", true)]
    [InlineData("*", true)]
    [InlineData("\"2\", \"3\"", true)]
    [InlineData("\"2\"", false)]
    [InlineData("3", false)]
    public void If_match_compares_entity_tags(string? ifMatch, bool matches) =>
        Assert.Equal(matches, ETags.Matches(ifMatch, ETags.FromVersion(3)));

    [Fact]
    public void A_composite_tag_changes_when_any_child_changes()
    {
        Assert.NotEqual(ETags.Composite(1, 2, 3), ETags.Composite(1, 2, 4));
        Assert.NotEqual(ETags.Composite(1, 2, 3), ETags.Composite(1, 3, 3));
        Assert.NotEqual(ETags.Composite(1, 2, 3), ETags.Composite(2, 2, 3));
    }

    public sealed record Probe : Mediator.IMessage;

    private sealed record Key(DateTimeOffset At, string Number);
}

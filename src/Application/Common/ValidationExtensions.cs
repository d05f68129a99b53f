using FluentValidation;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Application.Common;

public static class ValidationExtensions
{
    /// <summary>A client-chosen code: required, up to 32 characters of A-Z, 0-9 and '-'.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(Guard.MaxCodeLength)
            .Matches("^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$")
            .WithMessage("'{PropertyName}' must be up to 32 characters of A-Z, 0-9 and '-' (not at either end).");

    /// <summary>
    /// A value the enum defines (the JSON converters refuse numbers, but a combination such as "High, Medium" parses to
    /// the OR of the two, which may be no value at all).
    /// FluentValidation's IsInEnum does the same with a custom-attribute lookup and a boxed Enum.IsDefined on every
    /// call (2.5 % of intake's CPU); the generic Enum.IsDefined reads a cached table. Same message as IsInEnum's.
    /// </summary>
    public static IRuleBuilderOptions<T, TEnum?> IsDefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is not { } defined || Enum.IsDefined(defined)).WithMessage(NotInEnum);

    /// <inheritdoc cref="IsDefinedEnum{T,TEnum}(IRuleBuilder{T,TEnum?})"/>
    public static IRuleBuilderOptions<T, TEnum> IsDefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => Enum.IsDefined(value)).WithMessage(NotInEnum);

    private const string NotInEnum = "'{PropertyName}' has a range of values which does not include '{PropertyValue}'.";
}

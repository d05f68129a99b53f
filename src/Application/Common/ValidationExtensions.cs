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
}

using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of a message before its handler; failures become a 400 naming each field.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
            return await next(message, cancellationToken);

        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => JsonFieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new RequestValidationException(errors);
        }

        return await next(message, cancellationToken);
    }

    /// <summary>"Contact.Email" / "Items[0].Code" -> "contact.email" / "items[0].code": errors name fields as clients send them.</summary>
    /// <remarks>Commands wrap the request body in a <c>Body</c> property; clients know the fields without that prefix.</remarks>
    internal static string JsonFieldName(string propertyPath)
    {
        var parts = propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries).AsEnumerable();
        if (parts.FirstOrDefault() == "Body")
            parts = parts.Skip(1);
        return string.Join('.', parts.Select(part => char.ToLowerInvariant(part[0]) + part[1..]));
    }
}

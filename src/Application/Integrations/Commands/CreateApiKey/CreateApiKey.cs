using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Body of <c>POST /api-keys</c>.</summary>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">One or more of Customer, Agent, ChangeApprover, Manager, Admin.</param>
/// <param name="CustomerId">Required with (and only with) the Customer role.</param>
public sealed record CreateApiKeyCommand(string? Name, IReadOnlyList<string>? Roles, Guid? CustomerId) : ICommand<CreatedApiKeyResponse>;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ApiKey.NameMaxLength);
        RuleFor(c => c.Roles).NotEmpty();
        // One message under "roles" (not "roles[1]"): the field clients send is the list.
        RuleFor(c => c.Roles)
            .Must(roles => roles!.All(role => Roles.IsKnown(role)))
            .When(c => c.Roles is not null)
            .WithMessage($"Each role must be one of {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.CustomerId)
            .NotNull().When(c => c.Roles?.Contains(Roles.Customer) == true)
            .WithMessage("'customerId' is required for a key with the Customer role.");
        RuleFor(c => c.CustomerId)
            .Null().When(c => c.Roles?.Contains(Roles.Customer) != true)
            .WithMessage("'customerId' is only for keys with the Customer role.");
    }
}

internal sealed class CreateApiKeyHandler(IServiceDeskDbContext db, TimeProvider clock, ICustomerDirectory customers)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyResponse>
{
    public async ValueTask<CreatedApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        if (command.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");

        var (key, secret) = ApiKey.Issue(command.Name!, command.Roles!, command.CustomerId, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(key.Id, key.Name, key.Roles, key.CustomerId, secret);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Body of <c>POST /service-levels</c>: a new code and the writable fields.</summary>
public sealed record CreateServiceLevelCommand : ServiceLevelFields, ICommand<ServiceLevelResponse>
{
    /// <summary>New, unique code: up to 32 of A-Z, 0-9, '-'.</summary>
    /// <example>DIAMOND</example>
    public string? Code { get; init; }
}

public sealed class CreateServiceLevelCommandValidator : AbstractValidator<CreateServiceLevelCommand>
{
    public CreateServiceLevelCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        Include(new ServiceLevelFieldsValidator());
    }
}

internal sealed class CreateServiceLevelHandler(IServiceDeskDbContext db) : ICommandHandler<CreateServiceLevelCommand, ServiceLevelResponse>
{
    public async ValueTask<ServiceLevelResponse> Handle(CreateServiceLevelCommand command, CancellationToken cancellationToken)
    {
        if (await db.ServiceLevels.AnyAsync(l => l.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("service level", "code", command.Code!);
        await db.EnsureCalendarsExistAsync(command, cancellationToken);

        var level = new ServiceLevel(command.Code!, command.ToTerms());
        db.ServiceLevels.Add(level);
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }
}

using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Replaces a service level's writable fields.</summary>
public sealed record UpdateServiceLevelCommand(string Code, ServiceLevelBody Body, string? IfMatch) : ICommand<ServiceLevelResponse>;

public sealed class UpdateServiceLevelCommandValidator : AbstractValidator<UpdateServiceLevelCommand>
{
    public UpdateServiceLevelCommandValidator() => RuleFor(c => c.Body).SetValidator(new ServiceLevelFieldsValidator());
}

internal sealed class UpdateServiceLevelHandler(IServiceDeskDbContext db) : ICommandHandler<UpdateServiceLevelCommand, ServiceLevelResponse>
{
    public async ValueTask<ServiceLevelResponse> Handle(UpdateServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.LoadForUpdateAsync(l => l.Code == command.Code, command.IfMatch, "Service level", command.Code, cancellationToken);
        var body = command.Body;
        await db.EnsureCalendarsExistAsync(body, cancellationToken);

        level.Update(body.ToTerms());
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Body of <c>POST /service-levels</c>: a new code and the writable fields.</summary>
/// <param name="Code" example="DIAMOND">New, unique code: up to 32 of A-Z, 0-9, '-'.</param>
/// <param name="Name" example="Diamond">English name.</param>
/// <param name="NameZh" example="钻石">Chinese name (optional).</param>
/// <param name="Rank" example="1">1 is the best level.</param>
/// <param name="CalendarCode" example="24X7">An existing calendar the targets are measured on.</param>
/// <param name="ResponseCalendarCode" example="24X7">Optional: an existing calendar first response is measured on instead.</param>
/// <param name="PriceMultiplier" example="2.5">Greater than 0.</param>
/// <param name="AvailabilityTargetPercent" example="99.99">Greater than 0, at most 100.</param>
/// <param name="OnSiteArrivalMinutes" example="60">Optional: time to arrive on site, at least 1.</param>
/// <param name="Targets">Exactly "P1", "P2", "P3" and "P4", each { responseMinutes, resolutionMinutes }.</param>
public sealed record CreateServiceLevelCommand(
    string? Code,
    string? Name,
    string? NameZh,
    int? Rank,
    string? CalendarCode,
    string? ResponseCalendarCode,
    decimal? PriceMultiplier,
    decimal? AvailabilityTargetPercent,
    int? OnSiteArrivalMinutes,
    IReadOnlyDictionary<string, TargetBody?>? Targets) : ICommand<ServiceLevelResponse>
{
    public ServiceLevelBody ToBody() => new(Name, NameZh, Rank, CalendarCode, ResponseCalendarCode, PriceMultiplier, AvailabilityTargetPercent, OnSiteArrivalMinutes, Targets);
}

public sealed class CreateServiceLevelCommandValidator : AbstractValidator<CreateServiceLevelCommand>
{
    public CreateServiceLevelCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new ServiceLevelBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateServiceLevelHandler(IServiceDeskDbContext db) : ICommandHandler<CreateServiceLevelCommand, ServiceLevelResponse>
{
    public async ValueTask<ServiceLevelResponse> Handle(CreateServiceLevelCommand command, CancellationToken cancellationToken)
    {
        if (await db.ServiceLevels.AnyAsync(l => l.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("service level", "code", command.Code!);
        var body = command.ToBody();
        await db.EnsureCalendarsExistAsync(body, cancellationToken);

        var level = new ServiceLevel(command.Code!, body.Name!, body.NameZh, body.Rank!.Value, body.CalendarCode!, body.ResponseCalendarCode,
            body.PriceMultiplier!.Value, body.AvailabilityTargetPercent!.Value, body.OnSiteArrivalMinutes, ServiceLevelAccess.Targets(body.Targets!));
        db.ServiceLevels.Add(level);
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }
}

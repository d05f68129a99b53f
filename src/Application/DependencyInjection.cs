using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Application.Common.Behaviours;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Application.Customers;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Incidents.Commands;
using ServiceDesk.Application.Reports;

namespace ServiceDesk.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(ConcurrencyRetryBehaviour<,>)];
        });

        // Error messages name fields as clients send them ("nameZh", not "Name Zh").
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IEntitlementResolver, EntitlementResolver>();
        services.AddScoped<TicketWrites>();
        services.AddSingleton<ServiceDeskMetrics>();
        SatisfactionWeightOptions.AddTo(services);
        ReportOptions.AddTo(services);
        return services;
    }
}

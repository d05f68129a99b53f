using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.ServiceLevels;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// The application for tests that read incidents (<c>GET /incidents/{number}</c> builds SLA views from business
/// calendars). This branch was cut before the calendars feature registered <see cref="IBusinessCalendars"/>; where it
/// is missing, every calendar is 24x7 in Shanghai (the incidents these tests open are on such a schedule). Where the
/// real calendars are registered this adds nothing.
/// </summary>
public sealed class ChangeApiFactory : ServiceDeskApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.TryAddSingleton<IBusinessCalendars, AroundTheClockCalendars>());
    }

    private sealed class AroundTheClockCalendars : IBusinessCalendars
    {
        private static readonly WorkingSchedule Schedule = WorkingSchedule.TwentyFourSeven("Asia/Shanghai");

        public ValueTask<WorkingSchedule> GetScheduleAsync(string calendarCode, CancellationToken cancellationToken) => ValueTask.FromResult(Schedule);

        public void Invalidate(string calendarCode)
        {
        }
    }
}

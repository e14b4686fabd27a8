using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Risks;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.RiskRegisters;

/// <summary>A register as the set-up list shows it.</summary>
public sealed record RegisterSetupRow(int Id, string Name, RiskRegisterKind Kind, string? Service, string? Council, string Owner, int RiskAppetite, int OpenRisks, DateOnly? ArchivedOn)
{
    /// <summary>"The programme", "ICT (service)", "Bromsgrove District Council (corporate)".</summary>
    public string Whose => RegisterSetupQueries.Whose(Kind, Service, Council);
}

/// <summary>A risk as the register's set-up page lists it, so an archived register's risks stay a click away.</summary>
public sealed record RegisterRisk(int Id, string Ref, string Title, RiskStatus Status);

public static class RegisterSetupQueries
{
    public static string Whose(RiskRegisterKind kind, string? service, string? council) => kind switch
    {
        RiskRegisterKind.Programme => "The shared services programme",
        RiskRegisterKind.Service => $"{service} (a service's register)",
        _ => $"{council} (corporate register)",
    };

    /// <summary>The registers in use in the picker's order (programme, services in the report's order, councils), then the archived ones, latest first.</summary>
    public static async Task<IReadOnlyList<RegisterSetupRow>> AllAsync(DashboardDbContext db, CancellationToken cancellationToken = default)
    {
        var inUse = (await RiskQueries.RegistersAsync(db, cancellationToken)).Select(r => r.Id).Select((id, i) => (id, i)).ToDictionary(r => r.id, r => r.i);
        var rows = await db.RiskRegisters.AsNoTracking()
            .Select(r => new RegisterSetupRow(r.Id, r.Name, r.Kind, r.SharedService!.Name, r.Council!.Name, r.Owner!.Name, r.RiskAppetite,
                r.Risks.Count(k => k.Status == RiskStatus.Open), r.ArchivedOn))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.ArchivedOn is null).OrderBy(r => inUse.GetValueOrDefault(r.Id, int.MaxValue)),
                .. rows.Where(r => r.ArchivedOn is not null).OrderByDescending(r => r.ArchivedOn)];
    }

    public static Task<RiskRegister?> RegisterAsync(DashboardDbContext db, int id, CancellationToken cancellationToken = default) =>
        db.RiskRegisters.AsNoTracking().Include(r => r.SharedService).Include(r => r.Council).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public static async Task<IReadOnlyList<RegisterRisk>> RisksAsync(DashboardDbContext db, int id, CancellationToken cancellationToken = default) =>
        [.. (await db.Risks.AsNoTracking().Where(r => r.RiskRegisterId == id).Select(r => new RegisterRisk(r.Id, r.Ref, r.Title, r.Status)).ToListAsync(cancellationToken))
            .OrderBy(r => r.Ref, NaturalOrder.Instance)];

    public static Task<int> IssueCountAsync(DashboardDbContext db, int id, CancellationToken cancellationToken = default) =>
        db.RiskIssues.CountAsync(i => i.RiskRegisterId == id, cancellationToken);

    /// <summary>The services and projects in use, in the report's order, for the "whose register" picker.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> OpenServicesAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        [.. (await db.SharedServices.AsNoTracking().Where(s => s.ArchivedOn == null).InReportOrder().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Name))];
}

using Dashboard.Domain.Time;

namespace Dashboard.Domain.Audit;

/// <summary>
/// How long the audit trail keeps its entries, as councils set records retention: the current financial year plus
/// a number of complete financial years before it (six is the common rule for financial records).
/// </summary>
public sealed record AuditRetention(int Years)
{
    /// <summary>Why a number of years cannot be used, or null when it can.</summary>
    public static string? Problem(int years) => years < 1 ? $"must be at least 1 (complete financial years kept before the current one), not {years}" : null;

    /// <summary>The first day whose entries are kept on <paramref name="today"/>; everything before it may be deleted.</summary>
    public DateOnly KeepFrom(DateOnly today) => new FinancialYear(FinancialYear.Of(today).StartYear - Years).Start;
}

using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Finance;

/// <summary>Savings expected and delivered for one council in one financial year (section 7).</summary>
public sealed class SavingsLine
{
    public int Id { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>Start year of the financial year: 2010 for 2010/11.</summary>
    public int FinancialYear { get; set; }

    public required string Description { get; set; }

    /// <summary>Where the saving comes from, if from one service.</summary>
    public int? SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    public decimal Target { get; set; }

    public decimal Delivered { get; set; }
}

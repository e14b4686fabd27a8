using Dashboard.Domain.Finance;

namespace Dashboard.Tests.Domain;

/// <summary>What a savings line must hold, amounts as people type them, and how lines add up.</summary>
public sealed class SavingsRulesTests
{
    private static SavingsLineInput Valid() => new()
    {
        CouncilId = 1,
        FinancialYear = 2010,
        Description = "Shared services and joint working",
        OwnerId = 7,
        Target = "450,000",
        Forecast = "£450,000",
        Delivered = "",
    };

    [Fact]
    public void A_complete_line_with_delivered_to_date_not_yet_reported_is_valid()
    {
        Assert.Empty(Valid().Validate());

        var line = new SavingsLine { Description = "" };
        Valid().ApplyTo(line);

        Assert.Equal((1, 2010, "Shared services and joint working", 450_000m, 450_000m, (decimal?)null), (line.CouncilId, line.FinancialYear, line.Description, line.Target, line.Forecast, line.Delivered));
    }

    [Fact]
    public void Description_owner_target_and_forecast_are_required()
    {
        var errors = (Valid() with { Description = " ", OwnerId = null, Target = "", Forecast = null }).Validate();

        Assert.Equal("Describe the saving, e.g. \"Single management team\".", errors[nameof(SavingsLineInput.Description)]);
        Assert.Equal("Choose who keeps this line's forecast and delivered figures up to date.", errors[nameof(SavingsLineInput.OwnerId)]);
        Assert.Equal("Enter the target in pounds, e.g. 450,000.", errors[nameof(SavingsLineInput.Target)]);
        Assert.Equal("Enter the forecast in pounds, e.g. 450,000.", errors[nameof(SavingsLineInput.Forecast)]);
        Assert.False(errors.ContainsKey(nameof(SavingsLineInput.Delivered)));
    }

    [Theory]
    [InlineData("-1", "The delivered to date cannot be negative.")]
    [InlineData("lots", "Enter the delivered to date in pounds and pence, e.g. 450,000 or 450,000.50.")]
    [InlineData("12.345", "Enter the delivered to date in pounds and pence, e.g. 450,000 or 450,000.50.")]
    [InlineData("1000000000", "The delivered to date must be under £1,000,000,000.")]
    public void Amounts_must_be_pounds_and_pence_and_not_negative(string delivered, string message)
    {
        Assert.Equal(message, (Valid() with { Delivered = delivered }).Validate()[nameof(SavingsLineInput.Delivered)]);
        Assert.Equal("The target cannot be negative.", (Valid() with { Target = "-450000" }).Validate()[nameof(SavingsLineInput.Target)]);
    }

    [Theory]
    [InlineData("450000", 450_000)]
    [InlineData("£450,000", 450_000)]
    [InlineData(" 450 000 ", 450_000)]
    [InlineData("120000.50", 120_000.50)]
    [InlineData("0", 0)]
    public void Money_is_read_as_people_type_it(string text, double pounds)
    {
        Assert.Equal((decimal)pounds, Money.Parse(text));
    }

    [Fact]
    public void A_line_has_a_council_or_is_marked_as_not_split_between_the_councils()
    {
        Assert.Equal("Choose the council whose budget the saving falls in, or \"Both councils, not split\".",
            (Valid() with { CouncilId = null }).Validate()[nameof(SavingsLineInput.CouncilId)]);
        Assert.Empty((Valid() with { CouncilId = null, NotSplit = true }).Validate());
        Assert.True((Valid() with { CouncilId = 2, NotSplit = true }).Validate().ContainsKey(nameof(SavingsLineInput.CouncilId)));
    }

    [Fact]
    public void An_owner_may_change_the_forecast_delivered_and_commentary_but_not_what_the_saving_is_or_its_target()
    {
        var line = new SavingsLine { Description = "" };
        Valid().ApplyTo(line);

        Assert.Empty((Valid() with { Forecast = "400000", Delivered = "120000", Commentary = "Behind: one post kept on" }).AdministratorFieldsChanged(line));
        Assert.Equal(["council", "description", "target"], (Valid() with { CouncilId = 2, Description = "Other", Target = "500000" }).AdministratorFieldsChanged(line));
    }

    [Fact]
    public void Delivered_to_date_is_added_up_only_over_the_lines_that_reported_it()
    {
        var none = SavingsTotal.Of([new("BDC", 450_000m, 450_000m, null), new("BDC", 120_000m, 100_000m, null)]);
        var some = SavingsTotal.Of([new("BDC", 450_000m, 450_000m, 200_000m), new("BDC", 120_000m, 100_000m, null)]);

        Assert.Equal((570_000m, 550_000m, (decimal?)null, true), (none.Target, none.Forecast, none.Delivered, none.DeliveredNotReported));
        Assert.Equal((200_000m, 1, 2, true), (some.Delivered!.Value, some.LinesReported, some.Lines, some.DeliveredPartlyReported));
    }

    [Fact]
    public void The_both_councils_total_adds_the_councils_lines_and_lists_savings_not_split_beside_it()
    {
        var summary = SavingsSummary.Of(["RBC", "BDC"],
        [
            new("BDC", 450_000m, 450_000m, null),
            new("RBC", 514_000m, 514_000m, null),
            new(null, 330_000m, 330_000m, null),
        ]);

        Assert.Equal(["BDC", "RBC"], summary.Councils.Select(c => c.CouncilCode));
        Assert.Equal((964_000m, 964_000m), (summary.BothCouncils.Target, summary.BothCouncils.Forecast));
        Assert.Equal(330_000m, summary.NotSplit!.Target);
        Assert.Null(SavingsSummary.Of(["BDC"], [new("BDC", 1m, 1m, null)]).NotSplit);
    }
}

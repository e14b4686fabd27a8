using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class BenefitsRealisationInputTests
{
    private const int Bdc = 1;
    private const int Rbc = 2;
    private static readonly int[] Councils = [Bdc, Rbc];

    [Fact]
    public void An_expected_result_keeps_its_actual_and_commentary_trimmed()
    {
        var entry = new BenefitEntry { Kind = BenefitKind.BusinessCase, Expected = "" };
        var input = new BenefitInput("  Single email domain ", " Live at both councils ", "   ");

        Assert.Empty(input.Validate(BenefitKind.BusinessCase));
        input.ApplyTo(entry);

        Assert.Equal(("Single email domain", "Live at both councils", (string?)null), (entry.Expected, entry.ActualToDate, entry.Commentary));
    }

    [Fact]
    public void The_summary_for_the_board_is_text_alone_and_other_benefits_have_no_actual()
    {
        var summary = new BenefitEntry { Kind = BenefitKind.OverallSummary, Expected = "" };
        var other = new BenefitEntry { Kind = BenefitKind.Other, Expected = "" };
        var input = new BenefitInput("Recovered well", "ignored", "kept for other benefits");

        input.ApplyTo(summary);
        input.ApplyTo(other);

        Assert.Equal(("Recovered well", (string?)null, (string?)null), (summary.Expected, summary.ActualToDate, summary.Commentary));
        Assert.Equal(((string?)null, "kept for other benefits"), (other.ActualToDate, other.Commentary));
    }

    [Theory]
    [InlineData(BenefitKind.BusinessCase, "Describe the expected result, as the business case puts it.")]
    [InlineData(BenefitKind.Other, "Describe the benefit achieved.")]
    [InlineData(BenefitKind.OverallSummary, "Write the summary or issue for the board.")]
    public void A_row_needs_its_text(BenefitKind kind, string message)
    {
        Assert.Equal(message, new BenefitInput(" ", "x", "y").Validate(kind)["Expected"]);
    }

    [Fact]
    public void Over_long_text_is_named_per_field_and_ignored_where_the_kind_has_no_such_field()
    {
        var tooLong = new string('x', BenefitInput.TextMaxLength + 1);

        var errors = new BenefitInput("ok", tooLong, tooLong).Validate(BenefitKind.BusinessCase);

        Assert.Equal(["ActualToDate", "Commentary"], errors.Keys.Order());
        Assert.Equal("Keep this to 2000 characters.", errors["ActualToDate"]);
        Assert.Empty(new BenefitInput("ok", tooLong, tooLong).Validate(BenefitKind.OverallSummary));
    }

    [Theory]
    [InlineData(1, -1, "b,a,c")]
    [InlineData(1, 1, "a,c,b")]
    [InlineData(0, -1, "a,b,c")]
    [InlineData(2, 1, "a,b,c")]
    [InlineData(5, 1, "a,b,c")]
    public void Moving_a_row_swaps_it_with_its_neighbour_and_stops_at_the_ends(int index, int by, string expected)
    {
        Assert.Equal(expected, string.Join(",", RowOrder.Move(["a", "b", "c"], index, by)));
    }

    [Fact]
    public void The_household_waste_row_is_entered_exactly_as_printed_with_blanks_left_blank()
    {
        var row = new KeyStandard();
        var input = new KeyStandardInput(null, " Household waste (kg) ", null, "Progress report, Appendix B",
            [new(Bdc, "", "142.99", "146.98", Trend.Worsening), new(Rbc, null, "578", " ", null)]);

        Assert.Empty(input.Validate(linked: false, Councils));
        input.ApplyTo(row);

        Assert.Equal(((string?)null, "Household waste (kg)", "Progress report, Appendix B"), (row.Ref, row.Description, row.Source));
        var bdc = row.Figures.Single(f => f.CouncilId == Bdc);
        var rbc = row.Figures.Single(f => f.CouncilId == Rbc);
        Assert.Equal(((decimal?)null, 142.99m, 146.98m, Trend.Worsening), (bdc.Baseline, bdc.YtdTarget, bdc.YtdActual, bdc.Trend));
        Assert.Equal(((decimal?)null, 578m, (decimal?)null, (Trend?)null), (rbc.Baseline, rbc.YtdTarget, rbc.YtdActual, rbc.Trend));
    }

    [Fact]
    public void A_council_with_nothing_printed_has_no_figures_and_clearing_them_removes_its_figures()
    {
        var row = new KeyStandard();
        new KeyStandardInput("W1", "Waste", null, null, [new(Bdc, "1", null, null, null), new(Rbc, null, null, null, null)]).ApplyTo(row);
        Assert.Equal([Bdc], row.Figures.Select(f => f.CouncilId));

        new KeyStandardInput("W1", "Waste", null, null, [new(Bdc, " ", "", null, null)]).ApplyTo(row);

        Assert.Empty(row.Figures);
    }

    [Fact]
    public void Figures_must_be_numbers_and_an_entered_row_needs_a_description()
    {
        var errors = new KeyStandardInput(new string('R', 31), "", null, null, [new(Bdc, "about 580", "1,234.5", "578 kg", (Trend)9)]).Validate(linked: false, Councils);

        Assert.Equal("Describe the standard as the report does, e.g. Household waste (kg).", errors["Description"]);
        Assert.Equal("Keep the reference to 30 characters.", errors["Ref"]);
        Assert.Equal("\"about 580\" is not a number: enter the figure as printed, e.g. 142.99, or leave it blank when none is printed.", errors[KeyStandardInput.FigureKey(Bdc, "Baseline")]);
        Assert.False(errors.ContainsKey(KeyStandardInput.FigureKey(Bdc, "YtdTarget")));
        Assert.True(errors.ContainsKey(KeyStandardInput.FigureKey(Bdc, "YtdActual")));
        Assert.Equal("Choose Improving, Stable or Worsening, or leave the trend blank.", errors[KeyStandardInput.FigureKey(Bdc, "Trend")]);
    }

    [Fact]
    public void A_council_that_does_not_report_is_refused()
    {
        var errors = new KeyStandardInput(null, "Waste", null, null, [new(99, "1", null, null, null)]).Validate(linked: false, Councils);

        Assert.True(errors.ContainsKey(KeyStandardInput.FigureKey(99, "Baseline")));
    }

    [Fact]
    public void A_row_linked_to_an_indicator_takes_only_its_commentary()
    {
        var row = new KeyStandard { PerformanceIndicatorId = 7, Description = null };
        var input = new KeyStandardInput("ignored", null, "  Up on last year ", "ignored", [new(Bdc, "1", "2", "3", Trend.Improving)]);

        Assert.Empty(input.Validate(linked: true, Councils));
        input.ApplyTo(row);

        Assert.Equal(("Up on last year", (string?)null, (string?)null), (row.Commentary, row.Ref, row.Description));
        Assert.Empty(row.Figures);
        Assert.Equal("Keep the commentary to 2000 characters.", KeyStandardInput.CommentaryOnly(new string('c', 2001)).Validate(linked: true, Councils)["Commentary"]);
    }
}

using Bunit;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using MudBlazor;

namespace Dashboard.Tests.Features.Risks;

/// <summary>The register table pages long registers: a page of rows at a time, the page size the reader's choice.</summary>
public sealed class RiskRegisterTableTests : DashboardTestContext
{
    private static readonly DateOnly Today = new(2010, 12, 9);

    protected override bool Seeded => false;

    private static List<RiskRow> Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new RiskRow(
            i, 1, "Shared Services Programme", 12, i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Risk number {i}",
            null, new RiskMovement(MovementDirection.New, null, null), null, null, 1, "Priya Shah", null, RiskStatus.Open, Today.AddMonths(1)))];

    private IRenderedComponent<RiskRegisterTable> RenderTable(IReadOnlyList<RiskRow> rows)
    {
        Render<MudPopoverProvider>();
        return Render<RiskRegisterTable>(p => p.Add(t => t.Risks, rows).Add(t => t.Today, Today));
    }

    private static List<string> Refs(IRenderedComponent<RiskRegisterTable> table) =>
        [.. table.FindAll("tbody tr td[data-label='Ref']").Select(td => td.TextContent.Trim())];

    [Fact]
    public void A_long_register_shows_25_rows_a_page_and_the_next_page_button_moves_on()
    {
        var table = RenderTable(Rows(60));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Refs(table));
        Assert.Contains("1–25 of 60", table.Markup, StringComparison.Ordinal);

        table.Find("button[aria-label='Next page']").Click();

        Assert.Equal(Enumerable.Range(26, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Refs(table));
        Assert.Contains("26–50 of 60", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_chooses_how_many_rows_a_page_shows()
    {
        var table = RenderTable(Rows(60));
        var choice = table.Find("label.table-pager-size select");
        Assert.Equal(["10", "25", "50", "100"], choice.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        Assert.StartsWith("Rows per page:", choice.ParentElement!.TextContent.Trim(), StringComparison.Ordinal);

        choice.Change("50");

        Assert.Equal(50, Refs(table).Count);
        Assert.Contains("1–50 of 60", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_size_not_offered_changes_nothing()
    {
        var table = RenderTable(Rows(60));

        table.Find("label.table-pager-size select").Change("100000");

        Assert.Equal(25, Refs(table).Count);
    }

    [Fact]
    public void A_column_heading_sorts_by_it_and_again_reverses_and_says_so()
    {
        var rows = Rows(12).Select((r, i) => r with { Owner = $"Owner {(char)('L' - i)}" }).ToList();
        var table = RenderTable(rows);
        Assert.Equal("ascending", table.Find("th[aria-sort]:not([aria-sort='none'])").GetAttribute("aria-sort"));
        Assert.Equal(["1", "2", "3"], Refs(table).Take(3));

        table.FindAll("th button").Single(b => b.TextContent.Trim() == "Owner").Click();
        Assert.Equal(["12", "11", "10"], Refs(table).Take(3));
        Assert.Equal("ascending", table.FindAll("th").Single(th => th.TextContent.Trim() == "Owner").GetAttribute("aria-sort"));

        table.FindAll("th button").Single(b => b.TextContent.Trim() == "Owner").Click();
        Assert.Equal(["1", "2", "3"], Refs(table).Take(3));
        Assert.Equal("descending", table.FindAll("th").Single(th => th.TextContent.Trim() == "Owner").GetAttribute("aria-sort"));
        Assert.Equal("none", table.FindAll("th").Single(th => th.TextContent.Trim() == "Ref").GetAttribute("aria-sort"));
    }

    [Fact]
    public void On_a_phone_the_sort_is_chosen_from_a_list()
    {
        var table = RenderTable(Rows(30));

        table.Find(".mud-table-smalldevices-sortselect select").Change("Ref:desc");

        Assert.Equal(["30", "29", "28"], Refs(table).Take(3));
    }

    [Fact]
    public void A_filter_that_leaves_fewer_rows_than_the_page_reached_shows_them_from_the_first_page()
    {
        var table = RenderTable(Rows(60));
        table.Find("button[aria-label='Last page']").Click();
        Assert.Equal(["51", "52", "53", "54", "55", "56", "57", "58", "59", "60"], Refs(table));

        table.Render(p => p.Add(t => t.Risks, Rows(60).Where(r => r.Id % 20 == 0).ToList()));

        Assert.Equal(["20", "40", "60"], Refs(table));
        Assert.Contains("1–3 of 3", table.Markup, StringComparison.Ordinal);
    }
}

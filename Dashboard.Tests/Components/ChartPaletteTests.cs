using Dashboard.Components.Charts;
using Dashboard.Components.Shared;

namespace Dashboard.Tests.Components;

/// <summary>A chart's colours are fixed when it is drawn, so every line and bar must show in either theme (WCAG 1.4.11: 3:1).</summary>
public sealed class ChartPaletteTests
{
    // The light theme's page, and MudBlazor's dark background and surface, which the dark theme keeps.
    private static readonly string[] Backgrounds = ["#ffffff", "#32333d", "#373740"];

    public static TheoryData<string> SeriesColours() => [.. ChartPalette.Series];

    [Theory]
    [MemberData(nameof(SeriesColours))]
    public void A_series_colour_is_at_least_3_to_1_against_the_light_and_the_dark_page(string colour) => AssertShowsOnEveryPage(colour);

    [Fact]
    public void Green_and_red_bars_show_on_the_dark_page_and_the_light_one()
    {
        AssertShowsOnEveryPage(ChartPalette.Rag[0]);
        AssertShowsOnEveryPage(ChartPalette.Rag[2]);
    }

    private static void AssertShowsOnEveryPage(string colour)
    {
        foreach (var background in Backgrounds)
        {
            Assert.True(ContrastingText.Ratio(colour, background) >= 3, $"{colour} on {background} is {ContrastingText.Ratio(colour, background):0.00}:1");
        }
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21)]
    [InlineData("#ffffff", "#ffffff", 1)]
    [InlineData("#767676", "#ffffff", 4.54)]
    public void Contrast_ratio_follows_wcag(string first, string second, double expected) =>
        Assert.Equal(expected, ContrastingText.Ratio(first, second)!.Value, 2);

    [Fact]
    public void A_colour_that_is_not_hex_has_no_ratio() => Assert.Null(ContrastingText.Ratio("red", "#ffffff"));
}

using Bunit;
using Dashboard.Components.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace Dashboard.Tests.Components;

public sealed class ApexChartTests : BunitContext
{
    private readonly BunitJSModuleInterop module;

    public ApexChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Strict;
        module = JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    private void DrawingSucceeds() => module.SetupVoid("draw", _ => true).SetVoidResult();

    private static ChartOptions Options(params decimal?[] values) => new()
    {
        Chart = new ChartSettings("line", 300),
        Series = [new ChartSeries("BDC actual", values.Select((v, i) => ChartPoint.At(new DateOnly(2010, 4, 1).AddMonths(i), v)).ToList())],
    };

    private IRenderedComponent<ApexChart> RenderChart(ChartOptions options) => Render<ApexChart>(p => p
        .Add(c => c.Title, "Household waste")
        .Add(c => c.Options, options)
        .Add(c => c.DataTable, (RenderFragment)(b => b.AddMarkupContent(0, "<table><caption>Waste by month</caption></table>"))));

    [Fact]
    public void The_chart_is_drawn_from_the_typed_options_with_gaps_left_as_nulls()
    {
        DrawingSucceeds();
        var chart = RenderChart(Options(49.12m, null, 49.15m));

        var create = module.VerifyInvoke("draw");
        var json = Assert.IsType<string>(create.Arguments[1]);
        Assert.Contains("\"name\":\"BDC actual\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"x\":1270080000000,\"y\":49.12}", json, StringComparison.Ordinal);
        Assert.Contains("\"y\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"zoom\"", json, StringComparison.Ordinal);
        Assert.Equal("Household waste", chart.Find("[role='img']").GetAttribute("aria-label"));
    }

    [Fact]
    public void New_figures_redraw_the_chart_and_unchanged_ones_do_not()
    {
        DrawingSucceeds();
        var chart = RenderChart(Options(49.12m));

        chart.Render(p => p.Add(c => c.Options, Options(49.12m)));
        module.VerifyInvoke("draw", calledTimes: 1);

        chart.Render(p => p.Add(c => c.Options, Options(49.12m, 48.71m)));
        var draws = module.VerifyInvoke("draw", calledTimes: 2);
        Assert.Contains("48.71", Assert.IsType<string>(draws[1].Arguments[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Showing_the_table_while_the_chart_is_still_drawing_does_not_draw_it_twice()
    {
        var drawing = module.SetupVoid("draw", _ => true);
        var chart = RenderChart(Options(49.12m));

        chart.Find("button").Click();
        drawing.SetVoidResult();

        module.VerifyInvoke("draw", calledTimes: 1);
        Assert.Equal("Waste by month", chart.Find("caption").TextContent);
    }

    [Fact]
    public void A_chart_that_cannot_be_drawn_says_so_and_shows_its_table_instead_of_breaking_the_page()
    {
        module.SetupVoid("draw", _ => true).SetException(new JSException("Element not found"));

        var chart = RenderChart(Options(49.12m));

        chart.WaitForAssertion(() => Assert.Contains("The chart could not be drawn", chart.Markup, StringComparison.Ordinal));
        Assert.Equal("Waste by month", chart.Find("caption").TextContent);
        Assert.Equal("true", chart.Find("button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Disposing_the_component_destroys_the_chart()
    {
        DrawingSucceeds();
        RenderChart(Options(49.12m));

        await DisposeComponentsAsync();

        module.VerifyInvoke("destroy");
    }

    [Fact]
    public void The_data_table_can_be_shown_and_hidden()
    {
        DrawingSucceeds();
        var chart = RenderChart(Options(49.12m));
        Assert.Empty(chart.FindAll("caption"));

        chart.Find("button").Click();
        Assert.Equal("Waste by month", chart.Find("caption").TextContent);
        Assert.Equal("true", chart.Find("button").GetAttribute("aria-expanded"));

        chart.Find("button").Click();
        Assert.Empty(chart.FindAll("caption"));
    }
}

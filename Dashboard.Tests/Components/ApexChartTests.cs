using Bunit;
using Dashboard.Components.Charts;
using Microsoft.AspNetCore.Components;
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
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

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
    public void The_chart_is_created_from_the_typed_options_with_gaps_left_as_nulls()
    {
        var chart = RenderChart(Options(49.12m, null, 49.15m));

        var create = module.VerifyInvoke("create");
        var json = Assert.IsType<string>(create.Arguments[1]);
        Assert.Contains("\"name\":\"BDC actual\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"x\":1270080000000,\"y\":49.12}", json, StringComparison.Ordinal);
        Assert.Contains("\"y\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"zoom\"", json, StringComparison.Ordinal);
        Assert.Equal("Household waste", chart.Find("[role='img']").GetAttribute("aria-label"));
    }

    [Fact]
    public void New_figures_update_the_chart_in_place_and_unchanged_ones_do_not()
    {
        var chart = RenderChart(Options(49.12m));

        chart.Render(p => p.Add(c => c.Options, Options(49.12m)));
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "update");

        chart.Render(p => p.Add(c => c.Options, Options(49.12m, 48.71m)));
        var update = module.VerifyInvoke("update");
        Assert.Contains("48.71", Assert.IsType<string>(update.Arguments[1]), StringComparison.Ordinal);
        module.VerifyInvoke("create", calledTimes: 1);
    }

    [Fact]
    public async Task Disposing_the_component_destroys_the_chart()
    {
        RenderChart(Options(49.12m));

        await DisposeComponentsAsync();

        module.VerifyInvoke("destroy");
    }

    [Fact]
    public void The_data_table_can_be_shown_and_hidden()
    {
        var chart = RenderChart(Options(49.12m));
        Assert.Empty(chart.FindAll("caption"));

        chart.Find("button").Click();
        Assert.Equal("Waste by month", chart.Find("caption").TextContent);
        Assert.Equal("true", chart.Find("button").GetAttribute("aria-expanded"));

        chart.Find("button").Click();
        Assert.Empty(chart.FindAll("caption"));
    }
}

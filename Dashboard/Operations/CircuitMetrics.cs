using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Operations;

/// <summary>Keeps the open-circuits gauge: one per connected browser tab.</summary>
public sealed class CircuitMetrics : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        DashboardMetrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        DashboardMetrics.CircuitClosed();
        return Task.CompletedTask;
    }
}

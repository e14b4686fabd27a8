using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// A MudBlazor icon (its constant SVG path, never user-written text) as the markup MudIcon renders, for badges a page
/// repeats dozens of times: a MudIcon is a component per badge, re-rendered whenever a live change re-renders the page.
/// </summary>
public static class PlainIcon
{
    public static MarkupString Small(string icon) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}

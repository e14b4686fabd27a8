using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// A MudBlazor icon (its constant SVG path, never user-written text) as the markup MudIcon renders, for badges and
/// buttons a page repeats dozens of times: a MudIcon is a component each, re-rendered whenever a live change
/// re-renders the page.
/// </summary>
public static class PlainIcon
{
    public static MarkupString Small(string icon) => Sized(icon, "small");

    public static MarkupString Medium(string icon) => Sized(icon, "medium");

    private static MarkupString Sized(string icon, string size) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}

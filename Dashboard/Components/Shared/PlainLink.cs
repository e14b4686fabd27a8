namespace Dashboard.Components.Shared;

/// <summary>
/// The classes a MudLink puts on its anchor, for links a live screen repeats in every row: a MudLink is a component
/// each, re-rendered with every change, where an anchor with these classes looks the same and costs nothing.
/// </summary>
public static class PlainLink
{
    public const string Class = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    public const string SmallClass = Class + " mud-typography-body2";
}

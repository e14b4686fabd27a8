using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>Colours chosen to keep text at WCAG AA contrast in both the light and the dark palette.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5c2d91",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            Info = "#0d47a1",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        PaletteDark = new PaletteDark
        {
            // Light colours on a dark page need dark writing on them: MudBlazor's default white on light blue is ≈1.9:1.
            Primary = "#90caf9",
            PrimaryContrastText = "#0b1f33",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#1f0a26",
            AppbarBackground = "#102a43",
            Success = "#81c784",
            SuccessContrastText = "#0b2410",
            Warning = "#ffb74d",
            WarningContrastText = "#2b1700",
            Error = "#ef9a9a",
            ErrorContrastText = "#2b0a0a",
            Info = "#90caf9",
            InfoContrastText = "#0b1f33",
            // MudBlazor's default grey labels and helper text are ≈4.2:1 on its dark surfaces.
            TextSecondary = "rgba(255,255,255,0.78)",
        },
    };
}

using MudBlazor;

namespace XiheWorkflow.Web.Components.Layout;

/// <summary>Calm, dense office theme (DESIGN.md §12).</summary>
public static class XiheTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#b23a3a",
            AppbarBackground = "#1f4e8c",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"Microsoft YaHei\"", "\"PingFang SC\"", "\"WenQuanYi Zen Hei\"", "\"Noto Sans CJK SC\"", "sans-serif"],
                FontSize = "0.875rem",
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "208px" },
    };
}

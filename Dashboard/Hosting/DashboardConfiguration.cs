using System.Globalization;

namespace Dashboard.Hosting;

public static class DashboardConfiguration
{
    /// <summary>
    /// Reads the repository-root appsettings.json (copied beside the binaries by the build and by
    /// publish), then environment variables and the command line, which override it. The content
    /// root's own appsettings files are deliberately not read: there is one file to edit.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var settingsFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        try
        {
            // The default builder reads the content root's appsettings.json too (the same file when
            // run from a published folder), so a syntax error can surface from either call.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });

            // Run from a build (dotnet run) the packages' static files (MudBlazor's) are found through the build's
            // manifest, which the host reads only in Development; a published folder has the files and no manifest.
            builder.WebHost.UseStaticWebAssets();
            var environmentFile = Path.Combine(AppContext.BaseDirectory, $"appsettings.{builder.Environment.EnvironmentName}.json");
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false);
            builder.Configuration.AddJsonFile(environmentFile, optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
            return builder;
        }
        catch (InvalidDataException e)
        {
            var reason = e.InnerException?.InnerException?.Message ?? e.InnerException?.Message ?? e.Message;
            throw new StartupException($"{FileNamed(e.Message) ?? settingsFile} is not valid JSON: {reason}", e);
        }
        catch (FileNotFoundException e)
        {
            throw new StartupException($"The settings file {settingsFile} is missing.", e);
        }
    }

    private static string? FileNamed(string message)
    {
        var start = message.IndexOf('\'');
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : null;
    }

    /// <summary>Binds a section, turning a value of the wrong type into an error that names the setting.</summary>
    public static T Bind<T>(this IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}", e);
        }
    }

    public static DateOnly? ParseDate(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new StartupException($"Setting {setting} must be a date written yyyy-MM-dd, not '{value}'.");
    }
}

using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Operations;

/// <summary>
/// The folder `dotnet publish` makes is everything a server needs beside the ASP.NET Core runtime: started from
/// another directory, in the Production environment, with nothing but its own files and appsettings.json, it
/// creates its database there and serves the sign-in page with its styles, and reports itself ready.
/// </summary>
public sealed class PublishedFolderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_folder_started_from_elsewhere_serves_the_sign_in_page()
    {
        var root = Directory.CreateTempSubdirectory("dashboard-publish-");
        try
        {
            var published = Path.Combine(root.FullName, "app");
            var elsewhere = Directory.CreateDirectory(Path.Combine(root.FullName, "elsewhere")).FullName;

            // The test run's own build is published (the README's command adds -c Release and builds first): this checks
            // what the publish step gathers, without a second full build on a shared machine.
            await RunAsync("dotnet", RepositoryPaths.Root, "publish", Path.Combine("Dashboard", "Dashboard.csproj"), "-c", RepositoryPaths.Configuration, "--no-build", "-o", published);
            Assert.True(File.Exists(Path.Combine(published, "appsettings.json")), "appsettings.json travels with the published app.");

            var port = AppProcess.FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(published, "Dashboard.dll"));
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment.Remove("Database__Path");
            using var app = Process.Start(start)!;
            var output = new System.Text.StringBuilder();
            app.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            app.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var signIn = await WhenServingAsync(http, "/sign-in", app, output);
                Assert.Contains("Sign in", signIn, StringComparison.Ordinal);

                var stylesheet = System.Text.RegularExpressions.Regex.Match(signIn, "href=\"(_content/MudBlazor/[^\"]+\\.css)\"").Groups[1].Value;
                Assert.NotEmpty(stylesheet);
                using var styles = await http.GetAsync("/" + stylesheet, Ct);
                Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
                Assert.Equal("Healthy", await WhenServingAsync(http, "/health/ready", app, output));
                Assert.True(File.Exists(Path.Combine(elsewhere, "data", "dashboard.db")), "The database is created under the directory the app was started in.");
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static async Task<string> WhenServingAsync(HttpClient http, string path, Process app, System.Text.StringBuilder output)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(app.HasExited, $"The published app exited:\n{output}");
            try
            {
                using var response = await http.GetAsync(path, Ct);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(Ct);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail($"The published app did not serve {path}:\n{output}");
        return "";
    }

    private static async Task RunAsync(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
    }
}

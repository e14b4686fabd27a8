using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Support;

/// <summary>
/// The real app, started as its own process on a free loopback port with its own database,
/// exactly as an operator would run the built Dashboard.dll.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Everything the app has written to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// The exceptions that ended a user's circuit ("Something went wrong" in their browser), each with the
    /// lines the logger wrote for it: a browser test can pass its own assertions while another page broke.
    /// </summary>
    public IReadOnlyList<string> CircuitFailures()
    {
        var failures = new List<string>();
        var lines = Output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("Unhandled exception in circuit", StringComparison.Ordinal))
            {
                continue;
            }

            // The console logger indents an entry's continuation lines; the next entry starts at column 0.
            var end = i + 1;
            while (end < lines.Length && (lines[end].StartsWith(' ') || lines[end].Length == 0))
            {
                end++;
            }

            failures.Add(string.Join('\n', lines[Math.Max(0, i - 1)..end]));
            i = end - 1;
        }

        return failures;
    }

    public static Task<AppProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(database, settings, FreePort(), cancellationToken);

    /// <param name="database">The app's database.</param>
    /// <param name="settings">Settings as environment variables.</param>
    /// <param name="port">The loopback port, chosen beforehand when a setting must name the app's own address.</param>
    /// <param name="cancellationToken">Cancels waiting for the app.</param>
    public static Task<AppProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings, int port, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string>(database.AppSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return StartAsync(database.Directory, all, port, cancellationToken);
    }

    private static async Task<AppProcess> StartAsync(string workingDirectory, IDictionary<string, string> settings, int port, CancellationToken cancellationToken)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = StartInfo(workingDirectory, ["--urls", baseUrl]);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, baseUrl);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilServingAsync(cancellationToken);
        return app;
    }

    /// <summary>How the app is started: the built dll, Development (so packaged static assets are served from the build).</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.AppDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return start;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        // Generous: a liveness limit, not a speed check. On a 2-core machine with a build and the rest of the suite running,
        // a cold start (JIT, migrations, seeding) has taken more than 90 s.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/sign-in", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The app did not start serving within 180 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

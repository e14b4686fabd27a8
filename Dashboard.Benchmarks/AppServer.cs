using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Benchmarks;

/// <summary>
/// The real app, started from its build output as its own process on a free loopback port, as the browser
/// tests start it (Development, so the packaged static assets are served from the build).
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    public const string AdminEmail = "bench.admin@bench.example";
    public const string AdminPassword = "Bench-admin-2026";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppServer(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

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

    /// <summary>Starts the app without the demo, with a bootstrap administrator to sign in as.</summary>
    public static async Task<AppServer> StartAsync(string appDll, BenchmarkDatabase database)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Live__Diagnostics"] = "true";
        foreach (var (key, value) in database.AppSettings)
        {
            start.Environment[key] = value;
        }

        var server = new AppServer(new Process { StartInfo = start }, baseUrl);
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>
    /// The process's resident memory (VmRSS from /proc/&lt;pid&gt;/status) in KB: what the machine actually gives
    /// the server, whatever the GC mode, and readable without attaching to the runtime.
    /// </summary>
    public long ResidentKilobytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No VmRSS in /proc/{process.Id}/status.");
    }

    private static int FreePort()
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

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/sign-in");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not start serving within 120 s:\n{Output}");
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

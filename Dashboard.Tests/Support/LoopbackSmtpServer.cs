using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that saves every message it accepts to
/// a folder, so tests count what was really delivered. Without the package the tests skip locally
/// with the reason, but fail under CI (CI=true), where .ci/run installs it.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import os, signal, sys, time, uuid
        from aiosmtpd.controller import Controller

        folder, port = sys.argv[1], int(sys.argv[2])

        class SaveToFolder:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, f"{time.time_ns()}-{uuid.uuid4().hex}")
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode())
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + ".tmp", name + ".eml")
                return "250 Message accepted for delivery"

        controller = Controller(SaveToFolder(), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
        controller.stop()
        """;

    private readonly string root = Directory.CreateTempSubdirectory("dashboard-smtp-").FullName;
    private Process? process;

    private LoopbackSmtpServer(int port) => Port = port;

    private string Folder => Path.Combine(root, "mail");

    public int Port { get; }

    /// <summary>A port with no server behind it yet: what a test sees while the mail server is down.</summary>
    public static LoopbackSmtpServer Stopped() => new(AppProcess.FreePort());

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var server = Stopped();
        await server.StartListeningAsync();
        return server;
    }

    public static void RequireAiosmtpd()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
        check?.WaitForExit();
        if (check?.ExitCode == 0)
        {
            return;
        }

        var reason = "SMTP tests need Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd; .ci/run does this).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public async Task StartListeningAsync()
    {
        RequireAiosmtpd();
        var script = Path.Combine(root, "smtp.py");
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(script, Script);
        process = Process.Start(new ProcessStartInfo(Python, [script, Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
        {
            throw new InvalidOperationException($"The SMTP server did not start: {await process.StandardError.ReadToEndAsync()}");
        }

        using var probe = new TcpClient();
        await probe.ConnectAsync("127.0.0.1", Port);
    }

    /// <summary>Every message the server accepted, with the envelope recipients in X-Envelope-To.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(root, recursive: true);
    }
}

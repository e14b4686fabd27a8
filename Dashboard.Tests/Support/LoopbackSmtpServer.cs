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
        import json, os, signal, sys, time, uuid
        from aiosmtpd.controller import Controller

        folder, port, replies = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])

        class SaveToFolder:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                reply = replies.get(address.lower())
                if reply:
                    return reply
                envelope.rcpt_tos.append(address)
                return "250 OK"

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

    private readonly Dictionary<string, string> recipientReplies = new(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>
    /// A server that answers RCPT for the given addresses with the given reply instead of accepting them, e.g.
    /// "550 5.1.1 Mailbox unavailable" (refused for good) or "451 4.3.0 Try again later" (refused this time).
    /// </summary>
    public static async Task<LoopbackSmtpServer> StartRefusingAsync(IReadOnlyDictionary<string, string> replies)
    {
        var server = Stopped();
        foreach (var (address, reply) in replies)
        {
            server.recipientReplies[address.ToLowerInvariant()] = reply;
        }

        await server.StartListeningAsync();
        return server;
    }

    /// <summary>Stops answering RCPT specially for this address (the mailbox is fixed).</summary>
    public async Task AcceptAgainAsync(string address)
    {
        recipientReplies.Remove(address);
        await StopAsync();
        await StartListeningAsync();
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
        var replies = System.Text.Json.JsonSerializer.Serialize(recipientReplies);
        process = Process.Start(new ProcessStartInfo(Python, [script, Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), replies])
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

    private async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(root, recursive: true);
    }
}

using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Benchmarks;

public sealed record RenderFigures(IReadOnlyList<double> RenderMs, IReadOnlyList<double> RawSqlMs, int HtmlBytes);

/// <summary>
/// The board dashboard's server-side render: GET / as a signed-in user (the prerendered HTML, data included),
/// against the plain ADO.NET queries that fetch what the page shows — the least any render could cost.
/// </summary>
public static partial class BoardRenderBenchmark
{
    // What the services widget (latest status card of every service) and the risks widget (the programme
    // register's open risks with their latest assessment) read; the page shows nothing else from the database.
    private const string ServicesSql = """
        SELECT s."Id", s."Name", s."Phase", o."Name", u."Rag", u."Commentary", u."Period", u."UpdatedAt", p."Name"
        FROM "SharedServices" s
        JOIN "People" o ON o."Id" = s."OwnerId"
        LEFT JOIN "StatusUpdates" u ON u."Id" = (SELECT u2."Id" FROM "StatusUpdates" u2 WHERE u2."SharedServiceId" = s."Id" ORDER BY u2."Period" DESC LIMIT 1)
        LEFT JOIN "People" p ON p."Id" = u."UpdatedById"
        ORDER BY s."Id"
        """;

    private const string ProgrammeRisksSql = """
        SELECT r."Id", r."Ref", a."Likelihood", a."Impact"
        FROM "Risks" r
        LEFT JOIN "RiskAssessments" a ON a."Id" = (SELECT a2."Id" FROM "RiskAssessments" a2 WHERE a2."RiskId" = r."Id" ORDER BY a2."AssessedAt" DESC, a2."Id" DESC LIMIT 1)
        WHERE r."RiskRegisterId" = (SELECT g."Id" FROM "RiskRegisters" g WHERE g."SharedServiceId" IS NULL ORDER BY g."Id" LIMIT 1)
          AND r."Status" = 1
        """;

    public static async Task<RenderFigures> RunAsync(AppServer app, BenchmarkDatabase database, int warmup, int samples)
    {
        using var http = await SignedInClientAsync(app);
        var html = "";
        var render = new List<double>(samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync("/");
            html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("Board dashboard", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET / answered {(int)response.StatusCode} without the board dashboard:\n{html[..Math.Min(html.Length, 2000)]}");
            }

            if (i >= warmup)
            {
                render.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var raw = new List<double>(samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var connection = database.OpenConnection())
            {
                await ReadAllAsync(connection, ServicesSql);
                await ReadAllAsync(connection, ProgrammeRisksSql);
            }

            watch.Stop();
            if (i >= warmup)
            {
                raw.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new RenderFigures(render, raw, html.Length);
    }

    /// <summary>Signs in as a person would without script: the sign-in form, its antiforgery token, a POST.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AppServer app)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var form = await http.GetStringAsync("/sign-in");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = AppServer.AdminEmail,
            ["Input.Password"] = AppServer.AdminPassword,
        });
        using var response = await http.PostAsync("/sign-in", content);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}, not a redirect:\n{await response.Content.ReadAsStringAsync()}");
        }

        return http;
    }

    private static async Task ReadAllAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

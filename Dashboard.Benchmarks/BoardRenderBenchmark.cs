using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Domain.Time;

namespace Dashboard.Benchmarks;

public sealed record RenderFigures(IReadOnlyList<double> RenderMs, IReadOnlyList<double> RawSqlMs, int HtmlBytes);

/// <summary>
/// The board dashboard's server-side render: GET / as a signed-in user (the prerendered HTML, data included),
/// against the plain ADO.NET queries that fetch what the page shows — the least any render could cost.
/// </summary>
public static partial class BoardRenderBenchmark
{
    // What the page's four widgets show, read with plain SQL. Both services widgets show every service with its
    // latest status card and latest highlight report (read once: the page needs it once); at a glance adds the
    // year's savings per council. The performance summary reads the rows its rules need: the indicators, the
    // values of the latest complete month's financial year to date and of the periods its trends compare that
    // month with (the month before, the same month last year: every generated indicator is monthly and up to
    // date), and that year's targets. The risks widget reads the programme register's open risks with their
    // latest assessment.
    private const string ServicesSql = """
        SELECT s."Id", s."Name", s."Phase", o."Name", u."Rag", u."Commentary", u."Period", u."UpdatedAt", p."Name",
               (SELECT MAX(h."PeriodEnding") FROM "HighlightReports" h WHERE h."SharedServiceId" = s."Id")
        FROM "SharedServices" s
        JOIN "People" o ON o."Id" = s."OwnerId"
        LEFT JOIN "StatusUpdates" u ON u."Id" = (SELECT u2."Id" FROM "StatusUpdates" u2 WHERE u2."SharedServiceId" = s."Id" ORDER BY u2."Period" DESC LIMIT 1)
        LEFT JOIN "People" p ON p."Id" = u."UpdatedById"
        WHERE s."ArchivedOn" IS NULL
        ORDER BY CASE WHEN s."Phase" = 1 THEN 2 WHEN s."Arrangement" = 2 THEN 1 ELSE 0 END, s."Order", s."Id"
        """;

    private const string SavingsSql = """
        SELECT c."Code", SUM(s."Target"), SUM(s."Forecast"), SUM(s."Delivered"), COUNT(s."Delivered"), COUNT(*)
        FROM "SavingsLines" s
        LEFT JOIN "Councils" c ON c."Id" = s."CouncilId"
        WHERE s."FinancialYear" = @year
        GROUP BY c."Code"
        ORDER BY c."Code"
        """;

    private const string IndicatorsSql = """
        SELECT p."Id", p."Ref", p."Description", p."Unit", p."DecimalPlaces", p."Polarity", p."Frequency", p."Aggregation", p."TolerancePercent", p."IsDataOnly"
        FROM "PerformanceIndicators" p
        WHERE p."RetiredOn" IS NULL
        """;

    private const string CouncilsSql = """SELECT c."Id", c."Code" FROM "Councils" c ORDER BY c."Code" """;

    private const string PiValuesSql = """
        SELECT v."PerformanceIndicatorId", v."CouncilId", v."PeriodStart", v."Value"
        FROM "PiValues" v
        WHERE (v."PeriodStart" >= @from AND v."PeriodStart" <= @asAt) OR v."PeriodStart" IN (@monthBefore, @lastYear)
        """;

    private const string PiTargetsSql = """
        SELECT t."PerformanceIndicatorId", t."CouncilId", t."PeriodStart", t."Target"
        FROM "PiTargets" t
        WHERE t."FinancialYear" = @year
        """;

    private const string ProgrammeRisksSql = """
        SELECT r."Id", r."Ref", a."Likelihood", a."Impact"
        FROM "Risks" r
        LEFT JOIN "RiskAssessments" a ON a."Id" = (SELECT a2."Id" FROM "RiskAssessments" a2 WHERE a2."RiskId" = r."Id" ORDER BY a2."AssessedAt" DESC, a2."Id" DESC LIMIT 1)
        WHERE r."RiskRegisterId" = (SELECT g."Id" FROM "RiskRegisters" g WHERE g."Kind" = 1 AND g."ArchivedOn" IS NULL ORDER BY g."Id" LIMIT 1)
          AND r."Status" = 1
        """;

    public static async Task<RenderFigures> RunAsync(AppServer app, BenchmarkDatabase database, int warmup, int samples)
    {
        using var http = await SignedInClientAsync(app.BaseUrl, AppServer.AdminEmail, AppServer.AdminPassword, new CookieContainer());
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

        // The app's own reporting date (the harness runs it unpinned, on the system clock).
        var today = new ReportingClock(TimeProvider.System).Today;
        var savingsYear = FinancialYear.Of(today);
        var asAtMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var figuresYear = FinancialYear.Of(asAtMonth);
        var raw = new List<double>(samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var connection = database.OpenConnection())
            {
                await ReadAllAsync(connection, ServicesSql);
                await ReadAllAsync(connection, SavingsSql, ("year", savingsYear.StartYear));
                await ReadAllAsync(connection, CouncilsSql);
                await ReadAllAsync(connection, IndicatorsSql);
                await ReadAllAsync(connection, PiValuesSql, ("from", figuresYear.Start), ("asAt", asAtMonth), ("monthBefore", asAtMonth.AddMonths(-1)), ("lastYear", asAtMonth.AddYears(-1)));
                await ReadAllAsync(connection, PiTargetsSql, ("year", figuresYear.StartYear));
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
    /// <param name="baseUrl">The app's address.</param>
    /// <param name="email">The account.</param>
    /// <param name="password">Its password.</param>
    /// <param name="cookies">Where the sign-in cookie lands.</param>
    /// <param name="headers">Sent with every request, e.g. what a reverse proxy adds.</param>
    public static async Task<HttpClient> SignedInClientAsync(string baseUrl, string email, string password, CookieContainer cookies, IReadOnlyDictionary<string, string>? headers = null)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

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
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await http.PostAsync("/sign-in", content);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}, not a redirect:\n{await response.Content.ReadAsStringAsync()}");
        }

        return http;
    }

    private static async Task ReadAllAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

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

using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dashboard.Hosting;

/// <summary>The "Hosting" settings: what sits in front of the app.</summary>
public sealed class HostingOptions
{
    /// <summary>
    /// Addresses of reverse proxies (nginx, IIS ARR, a load balancer) whose X-Forwarded-For and X-Forwarded-Proto
    /// the app believes. A proxy on the same machine (loopback) is always believed.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>
/// What a council's IT security review expects of a web app: the client's real scheme and address behind a TLS
/// proxy (so the sign-in cookie is Secure), HSTS, and headers that stop sniffing, framing, leaking addresses in
/// Referer and running any script the app did not ship.
/// </summary>
public static class WebSecurity
{
    private const string NonceKey = "Dashboard.CspNonce";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.Bind<HostingOptions>("Hosting");
        var proxies = hosting.KnownProxies.Select((text, i) => IPAddress.TryParse(text, out var address)
            ? address
            : throw new StartupException($"Setting Hosting:KnownProxies:{i} must be an IP address, not '{text}'.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Before everything else, so every later part sees the client's scheme and every response gets the headers.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS responses, so a plain-HTTP trial on a laptop is unaffected.
            app.UseHsts();
        }

        var formTargets = FormTargets(app.Configuration);
        app.Use((context, next) =>
        {
            // Hex, not base64: a "+" would be HTML-encoded in the page, which is right but makes the markup harder to check.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

            // Scripts only from this site, plus the one inline import map Blazor writes (by nonce). Styles stay
            // 'unsafe-inline': MudBlazor and the charts set style attributes, which carry no script.
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'",
                $"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'",
                $"form-action 'self'{formTargets}");
            return next(context);
        });
        return app;
    }

    /// <summary>The nonce that lets this response's inline import map run.</summary>
    public static string? CspNonce(this HttpContext context) => context.Items.TryGetValue(NonceKey, out var nonce) ? nonce as string : null;

    // A sign-in form may post on to the council's identity provider; form-action applies to where it redirects.
    private static string FormTargets(IConfiguration configuration) =>
        configuration["Authentication:OpenIdConnect:Authority"] is { Length: > 0 } authority
        && Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            ? $" {uri.GetLeftPart(UriPartial.Authority)}"
            : "";
}

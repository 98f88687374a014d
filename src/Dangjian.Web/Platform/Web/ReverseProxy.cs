using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Behind the reverse proxy (nginx terminates TLS and forwards to the app over plain HTTP) the app takes the client's
/// address and the scheme from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> — but only when the request comes
/// from a configured proxy (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; loopback when
/// neither is set). From anyone else the headers are ignored, so a client cannot choose its own audited address, rate-limit
/// bucket or scheme. Only the last address in <c>X-Forwarded-For</c> is taken (the one the proxy saw), so addresses a
/// client put in front of it are ignored too.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = section.GetValue("ForwardLimit", 1);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            // The framework's defaults: 127.0.0.0/8 and ::1.
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"配置项 {Section}:KnownProxies 中的“{proxy}”不是有效的 IP 地址。"));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"配置项 {Section}:KnownNetworks 中的“{network}”不是有效的网段（如 10.0.0.0/8）。"));
        }
    }
}

using System.Diagnostics;

namespace Dangjian.Web.Platform.Documents;

public sealed class PdfOptions
{
    /// <summary>LibreOffice's <c>soffice</c>; empty means "look on the PATH". Debian: <c>apt-get install libreoffice-writer-nogui</c>.</summary>
    public string? SofficePath { get; set; }

    /// <summary>How long one conversion may take before it is abandoned.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// Word → PDF through LibreOffice headless, the well-kept converter Debian ships: each conversion gets its own temporary
/// folder and LibreOffice profile (so two never share state) and they run one at a time (LibreOffice is heavy on two
/// cores). When LibreOffice is not installed the product says so instead of offering a PDF it cannot make.
/// </summary>
public sealed class PdfConverter(Microsoft.Extensions.Options.IOptions<PdfOptions> options, ILogger<PdfConverter> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<string?> soffice = new(() => Find(options.Value.SofficePath));

    public const string PdfType = "application/pdf";

    public bool Available => soffice.Value is not null;

    /// <summary>The PDF of <paramref name="docx"/>, or null when LibreOffice is missing, failed or took too long (logged).</summary>
    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (soffice.Value is not { } exe)
        {
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("dangjian-pdf-");
        await gate.WaitAsync(ct);
        try
        {
            var input = Path.Combine(folder.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            foreach (var arg in new[] { $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", folder.FullName, input })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = folder.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                logger.LogWarning("LibreOffice took longer than {Seconds}s to convert a document; abandoned", options.Value.TimeoutSeconds);
                ct.ThrowIfCancellationRequested();
                return null;
            }

            var output = Path.Combine(folder.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogWarning("LibreOffice could not convert a document (exit {Code}): {Error}", process.ExitCode, await stderr);
                return null;
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            gate.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException e)
            {
                logger.LogDebug(e, "Temporary PDF folder left behind");
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "soffice"))
            .FirstOrDefault(File.Exists);
    }
}

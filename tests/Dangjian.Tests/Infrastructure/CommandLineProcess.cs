using System.Diagnostics;

namespace Dangjian.Tests.Infrastructure;

/// <summary>Runs the application's operator verbs (<c>dotnet Dangjian.Web.dll …</c>) as a separate process on a test database.</summary>
public static class CommandLineProcess
{
    /// <param name="keysPath">The key ring folder; the shared <c>cli-keys</c> folder unless a test needs an app factory's own.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TestDatabase database, string environment, string? adminPassword, string? keysPath, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(args);
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["DataProtection__KeysPath"] = keysPath ?? Path.Combine(Path.GetTempPath(), "dangjian-tests", "cli-keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (adminPassword is not null)
        {
            start.Environment["DANGJIAN_ADMIN_PASSWORD"] = adminPassword;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

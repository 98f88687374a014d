namespace Dangjian.Web.Platform.Cli;

/// <summary>
/// A verb a feature adds to the command line (<c>seed</c> of the demo feature). Its word is also listed in
/// <see cref="CommandLine"/>'s verbs, which are read before the host is built to keep the web server from starting.
/// </summary>
public interface ICommandVerb
{
    string Verb { get; }

    /// <summary>Runs the verb and returns the exit code, or null when the arguments are not this verb's (the help is shown).</summary>
    Task<int?> RunAsync(IServiceProvider services, IHostEnvironment environment, string[] args);
}

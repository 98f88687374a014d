using Dangjian.Tests.Infrastructure;

namespace Dangjian.BrowserTests.Infrastructure;

/// <summary>
/// A browser test: needs Debian's Chromium (and the configured database). Off CI it skips with the reason;
/// with CI=true it runs and fails if Chromium is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!TestEnvironment.IsCi && !File.Exists(ChromiumPath))
        {
            Skip = $"没有找到 {ChromiumPath}。安装：apt-get install -y chromium fonts-noto-cjk；CI=true 时此测试会失败而不是跳过。";
        }
        else if (TestEnvironment.DatabaseSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

namespace Dangjian.Web.Platform.Web;

/// <summary>A record that does not exist or lies outside the caller's scope: both are a 404, so scope is not revealed.</summary>
public sealed class NotFoundException(string message = "未找到该记录，或您无权查看。") : Exception(message);

public sealed class ForbiddenException(string message = "您没有执行此操作的权限。") : Exception(message);

public sealed class ConflictException(string message = "数据已被他人修改，请刷新后重试。") : Exception(message);

/// <summary>Bad input, with messages per field (the key "" is for the whole request).</summary>
public sealed class AppValidationException(IDictionary<string, string[]> errors, string message = "提交的内容有误，请检查后重试。")
    : Exception(message)
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

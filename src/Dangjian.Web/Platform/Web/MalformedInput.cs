using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Requests no browser sends are answered before a page handler runs, so they cannot end in an exception while the
/// page renders: a write to a page without a handler for it is 405 (the page would otherwise render without its data),
/// and a value no form control can produce (a non-boolean for a check box, <see cref="StrictBoolBinder"/>) is 400.
/// </summary>
public sealed class MalformedInputFilter : IAsyncPageFilter
{
    private static readonly object Key = new();

    /// <summary>Marks the request as carrying a value no form control can produce.</summary>
    public static void MarkMalformed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = true;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && context.HandlerMethod is null && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal);
            http.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (!reExecuted && http.Items.ContainsKey(Key))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        await next();
    }
}

/// <summary>
/// Binds <c>bool</c> form fields strictly. The built-in binder keeps an unparsable value ("abc") as the attempted value,
/// and the check box then throws while the page renders; this binder records no attempted value and marks the request
/// malformed instead (answered 400 by <see cref="MalformedInputFilter"/>).
/// </summary>
public sealed class StrictBoolBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelType == typeof(bool?))
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        MalformedInputFilter.MarkMalformed(bindingContext.HttpContext);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "请选择“是”或“否”。");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="StrictBoolBinder"/> in front of the built-in binders for <c>bool</c> and <c>bool?</c>.</summary>
public sealed class StrictBoolBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? new StrictBoolBinder() : null;
    }
}

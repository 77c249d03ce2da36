using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// A template function called without reflection. Scriban wraps imported delegates in a
/// reflection invoker that costs microseconds per call; the default template makes ten calls
/// per repository, so at 10,000 repositories the difference is most of the render time.
/// </summary>
internal sealed class TemplateFunction(int required, int parameters, Func<object?[], object?> body) : IScriptCustomFunction
{
    public int RequiredParameterCount => required;
    public int ParameterCount => parameters;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), $"arg{index}");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        // Scriban has already checked the argument count against the counts above.
        var values = new object?[parameters];
        for (var i = 0; i < arguments.Count; i++)
        {
            values[i] = arguments[i];
        }
        try
        {
            return body(values);
        }
        catch (ArgumentException ex)
        {
            throw new ScriptRuntimeException(context.CurrentSpan, ex.Message); // the call being evaluated: the function's name
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

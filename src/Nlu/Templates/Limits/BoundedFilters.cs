using Fluid;
using Fluid.Values;

namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>
/// Wraps every filter so no string it builds passes the render's character limit: those that can multiply their input
/// (<c>replace</c> with a long replacement, <c>append</c>, <c>join</c>) are checked before they run, the rest — which
/// grow their input by a small factor at most (<c>escape</c>, <c>url_encode</c>) — on their result.
/// </summary>
public static class BoundedFilters
{
    public static void Apply(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList())
            filters.AddFilter(name, Bounded(name, filter));
    }

    private static FilterDelegate Bounded(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        var budget = RenderBudget.Of(context);
        if (budget is not null)
            budget.CheckLength(Expected(name, input, arguments), $"The result of '{name}'");
        var result = await filter(input, arguments, context);
        if (budget is not null && result is StringValue text)
            budget.CheckLength(text.ToStringValue().Length, $"The result of '{name}'");
        return result;
    };

    /// <summary>The longest the filter's result can be, for the filters whose result can be much longer than their input.</summary>
    private static long Expected(string name, FluidValue input, FilterArguments arguments)
    {
        string Argument(int index) => arguments.At(index).ToStringValue();
        return name switch
        {
            "append" or "prepend" => input.ToStringValue().Length + (long)Argument(0).Length,
            "replace" or "replace_first" or "replace_last" => Replaced(input.ToStringValue(), Argument(0), Argument(1), name == "replace"),
            "join" when input is ArrayValue array => array.Values.Sum(item => (long)item.ToStringValue().Length)
                + (long)Argument(0).Length * Math.Max(0, array.Values.Count - 1),
            _ => 0,
        };
    }

    private static long Replaced(string input, string pattern, string replacement, bool all)
    {
        var occurrences = !all ? 1 : pattern.Length == 0 ? input.Length + 1 : input.Length / pattern.Length;
        return input.Length + (long)occurrences * replacement.Length;
    }
}

using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>
/// Fluid turns a range into the whole list before a loop or filter sees it: <c>(1..100000000)</c> allocated gigabytes.
/// This rewriter puts every range behind a check of its length, so a bound from a user's value is safe too.
/// </summary>
public sealed class BoundedRange : AstRewriter
{
    public static readonly BoundedRange Instance = new();

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) => new Checked(rangeExpression);

    private sealed class Checked(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            var items = Math.Abs((double)to - (double)from) + 1;
            var limit = RenderBudget.Of(context)?.Limits.MaxRangeItems ?? TemplateLimits.Default.MaxRangeItems;
            if (items > limit)
                throw new TemplateLimitException($"A range of {items:N0} items; at most {limit:N0} are allowed.");
            return await range.EvaluateAsync(context);
        }
    }
}

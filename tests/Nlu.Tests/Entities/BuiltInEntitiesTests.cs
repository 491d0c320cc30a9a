using ChatbotPipeline.Nlu.Entities.BuiltIn;

namespace ChatbotPipeline.Nlu.Tests.Entities;

public sealed class BuiltInEntitiesTests
{
    private static (string Entity, string Value, string Text)[] Found(string text) =>
        BuiltInEntities.Extract(text, Some.Now).Select(e => (e.Entity, e.Value, text[e.Start..e.End])).ToArray();

    [Theory]
    [InlineData("I want 3 pizzas", "3", "3")]
    [InlineData("send 1,250.50 dollars", "1250.50", "1,250.50")]
    [InlineData("lower it to -2.5 degrees", "-2.5", "-2.5")]
    [InlineData("book a table for four", "4", "four")]
    public void Numbers_in_digits_and_words(string text, string value, string span)
    {
        Assert.Equal([(BuiltInEntities.Number, value, span)], Found(text));
    }

    [Fact]
    public void Digits_inside_an_identifier_are_not_a_number()
    {
        Assert.Empty(Found("order ORD12345 and room b12"));
    }

    [Fact]
    public void Email_addresses_are_lower_cased_and_not_read_as_numbers()
    {
        Assert.Equal([(BuiltInEntities.Email, "ann.lee+bot@example.co.uk", "Ann.Lee+bot@Example.co.uk")], Found("mail Ann.Lee+bot@Example.co.uk please"));
    }

    [Theory]
    [InlineData("deliver it tomorrow", "2026-11-29", "tomorrow")]
    [InlineData("deliver it today", "2026-11-28", "today")]
    [InlineData("on 2027-01-15 please", "2027-01-15", "2027-01-15")]
    [InlineData("on March 5th", "2027-03-05", "March 5th")]
    [InlineData("on the 5th of december", "2026-12-05", "5th of december")]
    [InlineData("next saturday works", "2026-12-05", "next saturday")]
    [InlineData("monday works", "2026-11-30", "monday")]
    public void Dates_resolve_against_now(string text, string value, string span)
    {
        Assert.Equal([(BuiltInEntities.DateTime, value, span)], Found(text));
    }

    [Theory]
    [InlineData("tomorrow at 5pm", "2026-11-29T17:00", "tomorrow at 5pm")]
    [InlineData("call me at 17:30", "2026-11-28T17:30", "17:30")]
    [InlineData("friday, 9:15 a.m. sharp", "2026-12-04T09:15", "friday, 9:15 a.m.")]
    [InlineData("lunch at noon", "2026-11-28T12:00", "noon")]
    public void Times_join_the_date_before_them(string text, string value, string span)
    {
        Assert.Equal([(BuiltInEntities.DateTime, value, span)], Found(text));
    }

    [Fact]
    public void Impossible_dates_and_times_are_not_values()
    {
        Assert.DoesNotContain(Found("on february 30 at 25:00"), f => f.Entity == BuiltInEntities.DateTime);
    }
}

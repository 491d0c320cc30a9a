using System.Globalization;
using System.Text.RegularExpressions;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Entities.BuiltIn;

/// <summary>
/// Dates ("2027-03-05", "March 5", "5th of March", "today", "tomorrow", "next friday") and times ("17:30", "5pm",
/// "noon"), resolved against the current time. A date followed by a time ("tomorrow at 5pm") is one value,
/// <c>yyyy-MM-ddTHH:mm</c>; a date alone is <c>yyyy-MM-dd</c>; a time alone is today's date at that time.
/// </summary>
internal static partial class DateTimeExtractor
{
    private const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    [GeneratedRegex($@"\b(?:(?<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?<month>{Months})\.? (?<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?<year>\d{{4}}))?|(?<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?<month>{Months})\.?(?:,? (?<year>\d{{4}}))?|(?<relative>today|tonight|tomorrow|yesterday)|(?:(?<next>next|this) )?(?<weekday>{Weekdays}))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dates();

    [GeneratedRegex(@"\b(?:(?<hour>\d{1,2}):(?<minute>\d{2})(?: ?(?<ampm>[ap])\.?m\.?)?|(?<hour>\d{1,2}) ?(?<ampm>[ap])\.?m\.?|(?<named>noon|midnight))(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Times();

    [GeneratedRegex(@"^(?:,? (?:at )?|\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();

    public static IEnumerable<ExtractedEntity> Extract(string text, DateTimeOffset now)
    {
        var dates = Dates().Matches(text).Select(m => (Match: m, Date: ResolveDate(m, now))).Where(d => d.Date is not null).ToList();
        var times = Times().Matches(text).Select(m => (Match: m, Time: ResolveTime(m))).Where(t => t.Time is not null).ToList();
        var usedTimes = new HashSet<Match>();
        foreach (var (match, date) in dates)
        {
            var end = match.Index + match.Length;
            var time = times.FirstOrDefault(t => t.Match.Index >= end && Joiner().IsMatch(text[end..t.Match.Index]));
            if (time.Match is not null)
            {
                usedTimes.Add(time.Match);
                var at = date!.Value.ToDateTime(time.Time!.Value);
                yield return Entity(match.Index, time.Match.Index + time.Match.Length, at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            }
            else
                yield return Entity(match.Index, end, date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        foreach (var (match, time) in times.Where(t => !usedTimes.Contains(t.Match)))
            yield return Entity(match.Index, match.Index + match.Length,
                DateOnly.FromDateTime(now.DateTime).ToDateTime(time!.Value).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }

    private static ExtractedEntity Entity(int start, int end, string value) =>
        new(BuiltInEntities.DateTime, value, start, end, 1.0, BuiltInEntities.Extractor);

    private static DateOnly? ResolveDate(Match match, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.DateTime);
        if (match.Groups["iso"].Success)
            return DateOnly.TryParseExact(match.Groups["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso : null;
        if (match.Groups["relative"].Success)
            return match.Groups["relative"].Value.ToLowerInvariant() switch
            {
                "tomorrow" => today.AddDays(1),
                "yesterday" => today.AddDays(-1),
                _ => today,
            };
        if (match.Groups["weekday"].Success)
        {
            var weekday = Enum.Parse<DayOfWeek>(match.Groups["weekday"].Value, ignoreCase: true);
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            // "next friday" said on a friday is a week away; "friday" alone is the coming one, today included.
            if (ahead == 0 && match.Groups["next"].Value.Equals("next", StringComparison.OrdinalIgnoreCase))
                ahead = 7;
            return today.AddDays(ahead);
        }
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
            m => m.Length > 0 && match.Groups["month"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        var date = new DateOnly(year, month, day);
        // A date without a year that has passed this year means next year's ("march 5" said in november).
        return !match.Groups["year"].Success && date < today ? date.AddYears(1) : date;
    }

    private static TimeOnly? ResolveTime(Match match)
    {
        if (match.Groups["named"].Success)
            return match.Groups["named"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? new TimeOnly(12, 0) : new TimeOnly(0, 0);
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
                return null;
            hour = hour % 12 + (char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p' ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }
}

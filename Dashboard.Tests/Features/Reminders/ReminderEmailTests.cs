using Dashboard.Features.Reminders;

namespace Dashboard.Tests.Features.Reminders;

public sealed class ReminderEmailTests
{
    [Fact]
    public void Everything_user_written_is_html_encoded_and_the_text_body_keeps_it_as_typed()
    {
        var (subject, text, html) = ReminderEmail.Compose(
            "Lee <Carter>",
            [new ReminderEmail.Line("CCTV & Lifeline: <script>alert(1)</script>", new DateOnly(2010, 12, 7), "http://dashboard.example/services?x=1&y=2")],
            new DateOnly(2010, 12, 9),
            new Uri("http://dashboard.example/"),
            "Sam \"Director\" Reid");

        Assert.Equal("1 overdue update", subject);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Carter>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://dashboard.example/services?x=1&amp;y=2\"", html, StringComparison.Ordinal);
        Assert.Contains("CCTV & Lifeline: <script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("Everything you owe is listed at http://dashboard.example/my-updates", text, StringComparison.Ordinal);
        Assert.Contains("copied in because an update is well overdue", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-12-09", "Due Tuesday 7 December 2010, 2 days overdue")]
    [InlineData("2010-12-08", "Due Tuesday 7 December 2010, 1 day overdue")]
    [InlineData("2010-12-07", "Due Tuesday 7 December 2010 (today)")]
    [InlineData("2010-11-30", "Due Tuesday 7 December 2010, in 7 days")]
    public void Deadlines_are_written_as_a_person_would_say_them(string today, string expected)
    {
        Assert.Equal(expected, ReminderEmail.When(new DateOnly(2010, 12, 7), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

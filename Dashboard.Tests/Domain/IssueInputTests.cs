using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class IssueInputTests
{
    private static readonly DateOnly Today = new(2010, 12, 9);

    private static readonly IssueInput Valid = new("Data lost after the air conditioning failed", 1, IssuePriority.High, Today, IssueStatus.Open, "Recover from backups", null);

    [Fact]
    public void A_complete_issue_is_valid() => Assert.Empty(Valid.Validate(Today));

    [Fact]
    public void Each_missing_field_is_named_in_plain_english()
    {
        var errors = new IssueInput(" ", null, null, null, null, null, null).Validate(Today);

        Assert.Equal("Describe the issue: what has happened.", errors["Description"]);
        Assert.Equal("Choose who owns the issue.", errors["OwnerId"]);
        Assert.Equal("Choose a priority: High, Medium or Low.", errors["Priority"]);
        Assert.Equal("Give the date the issue was raised.", errors["RaisedOn"]);
        Assert.Equal("Choose a status: Open, In progress or Resolved.", errors["Status"]);
    }

    [Fact]
    public void An_issue_cannot_be_raised_in_the_future() =>
        Assert.Equal("An issue cannot be raised on a date still to come.", (Valid with { RaisedOn = Today.AddDays(1) }).Validate(Today)["RaisedOn"]);

    [Fact]
    public void Closing_an_issue_needs_its_resolution()
    {
        Assert.Equal("Say how the issue was resolved before closing it.", (Valid with { Status = IssueStatus.Resolved }).Validate(Today)["Resolution"]);
        Assert.Empty((Valid with { Status = IssueStatus.Resolved, Resolution = "Data recovered" }).Validate(Today));
    }

    [Fact]
    public void An_unknown_priority_or_status_is_refused()
    {
        var errors = (Valid with { Priority = (IssuePriority)9, Status = (IssueStatus)0 }).Validate(Today);
        Assert.True(errors.ContainsKey("Priority"));
        Assert.True(errors.ContainsKey("Status"));
    }
}

using Dashboard.Domain;

namespace Dashboard.Tests.Domain;

public class EditedFieldTests
{
    private static readonly Guid Opened = Guid.NewGuid();
    private static readonly Guid TheirSave = Guid.NewGuid();

    [Fact]
    public void A_field_left_alone_shows_what_someone_else_saved()
    {
        var mitigation = EditedText.Field("Weekly supplier calls.");

        mitigation.Refresh("Supplier chased daily.");

        Assert.Equal("Supplier chased daily.", mitigation.Value);
        Assert.False(mitigation.IsChanged);
    }

    [Fact]
    public void A_typed_field_keeps_the_typing_and_stands_against_their_different_save()
    {
        var mitigation = EditedText.Field("Weekly supplier calls.");
        mitigation.Value = "Escalated to the directors.";

        mitigation.Refresh("Supplier chased daily.");

        Assert.Equal("Escalated to the directors.", mitigation.Value);
        Assert.True(mitigation.IsChanged);
        Assert.True(mitigation.StandsAgainst("Supplier chased daily."));
    }

    [Fact]
    public void A_typed_field_someone_else_did_not_change_is_no_conflict()
    {
        var title = EditedText.Field("Single email domain");
        title.Value = "Single email domain by January";

        title.Refresh("Single email domain");

        Assert.Equal("Single email domain by January", title.Value);
        Assert.False(title.StandsAgainst("Single email domain"));
    }

    [Fact]
    public void When_they_saved_exactly_what_was_typed_there_is_nothing_left_to_keep()
    {
        var owner = new EditedField<int>(3) { Value = 7 };

        owner.Refresh(7);

        Assert.False(owner.IsChanged);
        Assert.Equal(7, owner.Loaded);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "   ")]
    [InlineData("Calls", "Calls ")]
    public void Blank_and_surrounding_spaces_are_not_a_change_to_text(string? loaded, string typed)
    {
        var field = EditedText.Field(loaded);

        field.Value = typed;

        Assert.False(field.IsChanged);
    }

    [Fact]
    public void Reload_drops_the_typing()
    {
        var field = EditedText.Field("Weekly.");
        field.Value = "Daily.";

        field.Reload("Hourly.");

        Assert.Equal(("Hourly.", false), (field.Value, field.IsChanged));
    }

    [Fact]
    public void With_nothing_typed_a_form_moves_on_to_the_version_someone_else_saved()
    {
        var version = new EditedVersion(Opened);

        Assert.False(version.Refresh(TheirSave, typing: false));
        Assert.Equal(TheirSave, version.Loaded);
    }

    [Fact]
    public void With_typing_a_form_stays_on_the_version_it_started_from_and_says_so()
    {
        var version = new EditedVersion(Opened);

        Assert.True(version.Refresh(TheirSave, typing: true));
        Assert.Equal(Opened, version.Loaded);
    }

    [Fact]
    public void The_same_version_again_is_no_news()
    {
        var version = new EditedVersion(Opened);

        Assert.False(version.Refresh(Opened, typing: true));
    }

    [Fact]
    public void Once_their_version_has_been_shown_saving_replaces_it()
    {
        var version = new EditedVersion(Opened);
        version.Refresh(TheirSave, typing: true);

        version.Accept(TheirSave);

        Assert.Equal(TheirSave, version.Loaded);
        Assert.False(version.Refresh(TheirSave, typing: true));
    }
}

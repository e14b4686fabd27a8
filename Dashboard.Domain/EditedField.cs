namespace Dashboard.Domain;

/// <summary>
/// One field of a form that someone else may save at the same time: what it held when the person started, and what
/// it holds now. Another person's save is shown in a field the person has not touched, and never replaces typing.
/// </summary>
public sealed class EditedField<T>
{
    private readonly IEqualityComparer<T> same;

    public EditedField(T loaded, IEqualityComparer<T>? same = null)
    {
        this.same = same ?? EqualityComparer<T>.Default;
        Loaded = loaded;
        Value = loaded;
    }

    /// <summary>What the field held when it was loaded (or last followed a save while untouched).</summary>
    public T Loaded { get; private set; }

    /// <summary>What the field holds now: typed, or as loaded.</summary>
    public T Value { get; set; }

    public bool IsChanged => !same.Equals(Loaded, Value);

    /// <summary>
    /// Someone else saved <paramref name="saved"/>: an untouched field shows it; a changed one keeps what was typed,
    /// unless they saved exactly that (then there is nothing left to keep).
    /// </summary>
    public void Refresh(T saved)
    {
        if (!IsChanged || same.Equals(Value, saved))
        {
            Reload(saved);
        }
    }

    /// <summary>Whether what is typed here stands against a different value someone else saved since it was loaded.</summary>
    public bool StandsAgainst(T saved) => IsChanged && !same.Equals(Loaded, saved) && !same.Equals(Value, saved);

    /// <summary>Takes the saved value, dropping anything typed: the person chose to reload.</summary>
    public void Reload(T saved)
    {
        Loaded = saved;
        Value = saved;
    }
}

/// <summary>Text fields: compared as they would be saved.</summary>
public static class EditedText
{
    /// <summary>Trimmed, with blank the same as nothing: typing a space, or clearing an empty box, is not a change.</summary>
    public static IEqualityComparer<string?> AsSaved { get; } = new AsSavedComparer();

    public static EditedField<string?> Field(string? loaded) => new(loaded, AsSaved);

    private sealed class AsSavedComparer : IEqualityComparer<string?>
    {
        public bool Equals(string? x, string? y) => string.Equals(Normalise(x), Normalise(y), StringComparison.Ordinal);

        public int GetHashCode(string? text) => Normalise(text).GetHashCode(StringComparison.Ordinal);

        private static string Normalise(string? text) => text?.Trim() ?? "";
    }
}

/// <summary>
/// The version of a record (see <see cref="IVersioned"/>) a form's typing started from. When someone else saves the
/// record, a form with nothing typed simply moves on to their version; a form with typing stays on the one it started
/// from, so that its save is refused as stale and shows theirs rather than silently replacing what they wrote.
/// </summary>
public sealed class EditedVersion(Guid? loaded)
{
    /// <summary>The version the form's save will say it replaces; null when it started from no record.</summary>
    public Guid? Loaded { get; private set; } = loaded;

    /// <summary>Someone else saved version <paramref name="saved"/> (null: the record is gone or was never there).</summary>
    /// <param name="saved">The version now saved.</param>
    /// <param name="typing">Whether the person has typed into the form (after its fields followed the save).</param>
    /// <returns>Whether the person must be told their typing now stands against someone else's save.</returns>
    public bool Refresh(Guid? saved, bool typing)
    {
        if (saved == Loaded)
        {
            return false;
        }

        if (!typing)
        {
            Loaded = saved;
        }

        return typing;
    }

    /// <summary>The person has seen the saved version (reloaded it, or been shown it when a save was refused).</summary>
    public void Accept(Guid? saved) => Loaded = saved;
}

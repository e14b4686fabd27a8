namespace Dashboard.Domain.Organisation;

/// <summary>Where a person stands with signing in, as an administrator sees it on the people list.</summary>
public enum AccountState
{
    /// <summary>No sign-in account, or one made ready (with roles) but never sent an invitation.</summary>
    NoAccount = 1,

    /// <summary>Sent an invitation and has not signed in since.</summary>
    Invited = 2,

    Active = 3,

    /// <summary>Too many wrong passwords: refused until the lockout ends or they set a new password by link.</summary>
    LockedOut = 4,

    /// <summary>Switched off by an administrator: cannot sign in at all.</summary>
    Deactivated = 5,
}

/// <summary>The sign-in account's facts that decide its state.</summary>
/// <param name="HasPassword">A password has been set (an invited account has none until its link is used).</param>
/// <param name="InvitedAt">When the latest invitation was sent.</param>
/// <param name="LastSignedInAt">When the person last signed in.</param>
/// <param name="LockoutEnd">Until when wrong passwords keep the account locked.</param>
public sealed record AccountFacts(bool HasPassword, DateTimeOffset? InvitedAt, DateTimeOffset? LastSignedInAt, DateTimeOffset? LockoutEnd);

public static class AccountStates
{
    /// <param name="personIsActive">False once the person has been deactivated, which outranks everything about the account.</param>
    /// <param name="account">The sign-in account, or null when there is none.</param>
    /// <param name="now">The time now, for the lockout.</param>
    public static AccountState Of(bool personIsActive, AccountFacts? account, DateTimeOffset now)
    {
        if (!personIsActive)
        {
            return AccountState.Deactivated;
        }

        if (account is null)
        {
            return AccountState.NoAccount;
        }

        if (account.LockoutEnd > now)
        {
            return AccountState.LockedOut;
        }

        if (account.InvitedAt is not null && account.LastSignedInAt is null)
        {
            return AccountState.Invited;
        }

        return account.HasPassword || account.LastSignedInAt is not null ? AccountState.Active : AccountState.NoAccount;
    }

    public static string Describe(AccountState state) => state switch
    {
        AccountState.NoAccount => "No account",
        AccountState.Invited => "Invited, not yet signed in",
        AccountState.Active => "Active",
        AccountState.LockedOut => "Locked out",
        AccountState.Deactivated => "Deactivated",
        _ => state.ToString(),
    };

    /// <summary>An invitation (a first "set your password" link) fits someone who has never had a working account.</summary>
    public static bool CanBeInvited(AccountState state) => state is AccountState.NoAccount or AccountState.Invited;

    /// <summary>A password reset fits someone who has been invited or has signed in; never a deactivated person.</summary>
    public static bool CanResetPassword(AccountState state) => state is AccountState.Invited or AccountState.Active or AccountState.LockedOut;
}

namespace Dashboard.Hosting;

/// <summary>
/// A problem an operator must fix before the app can start (bad configuration, an unwritable
/// database path). Its message is printed as one line naming the setting; no stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

namespace Dashboard.Tests.Support;

/// <summary>Where the repository and the built app are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test run was built in; the app is built alongside.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string AppDirectory => Path.Combine(Root, "Dashboard", "bin", Configuration, "net10.0");

    public static string AppDll => Path.Combine(AppDirectory, "Dashboard.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

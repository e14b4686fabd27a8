using System.Runtime.CompilerServices;

namespace Dashboard.Tests.Support;

internal static class TestProcessSetup
{
    /// <summary>
    /// bUnit's waits block their thread, and dozens of tests wait at once; the pool otherwise adds a thread
    /// about every half second, so work queued to it (a change announced to a dashboard) can sit for seconds.
    /// </summary>
    [ModuleInitializer]
    internal static void GiveTheThreadPoolRoomForBlockingWaits() => ThreadPool.SetMinThreads(64, 64);
}

using Hangfire.Server;

namespace Dashboard.Operations;

/// <summary>Counts every Hangfire job run and failure, by recurring job id (or method, for a one-off job).</summary>
public sealed class JobRunMetrics : IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        var job = context.GetJobParameter<string>("RecurringJobId") ?? $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        DashboardMetrics.JobRan(job, succeeded: context.Exception is null || context.ExceptionHandled);
    }
}

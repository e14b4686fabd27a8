namespace Dashboard.Domain.Performance;

/// <summary>How an actual compares with its target, in the councils' three states.</summary>
public enum TrafficLight
{
    /// <summary>On target or better (green, a star).</summary>
    Met = 1,

    /// <summary>Worse than target, but by no more than the indicator's tolerance (amber, a circle).</summary>
    WithinTolerance = 2,

    /// <summary>Worse than target by more than the tolerance (red, a triangle).</summary>
    Missed = 3,
}

public static class TrafficLights
{
    /// <summary>
    /// Judges an actual against a target. The tolerance is a percentage of the target's size, on the
    /// worse side only: being better than target by any amount is simply met.
    /// </summary>
    public static TrafficLight Judge(decimal actual, decimal target, Polarity polarity, decimal tolerancePercent)
    {
        var shortfall = polarity == Polarity.HigherIsBetter ? target - actual : actual - target;
        if (shortfall <= 0)
        {
            return TrafficLight.Met;
        }

        return shortfall <= Math.Abs(target) * tolerancePercent / 100m ? TrafficLight.WithinTolerance : TrafficLight.Missed;
    }

    public static string Word(TrafficLight light) => light switch
    {
        TrafficLight.Met => "Met target",
        TrafficLight.WithinTolerance => "Within tolerance",
        _ => "Missed target",
    };
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// The simulated wall time of one row's trials on lane networks, as <c>run</c> and <c>reproduce</c> schedule them
    /// (<c>TrialRunner</c>, <c>LaneScheduler</c>): a lane network per core for as many cores as there are lanes' worth of
    /// trials, its lanes taking the row's trials in order; once no trial is left to start, a lane network with fewer busy
    /// lanes than <c>below</c> hands its trials over to scalar networks, and a core with nothing to do takes a trial over
    /// (a handed-over one, else one from the fullest lane network). A simulation, not a measurement: trials move at once
    /// rather than at their next sequence boundary, and a lane step costs the same however many lanes are busy.
    /// </summary>
    public static class LaneSimulation
    {
        /// <summary>The wall time of the row.</summary>
        /// <param name="trials">Each trial's seconds on a scalar network of its own, and its seconds of CPU share in a full lane network
        /// (it holds its lane <paramref name="lanes"/> times that long), in the order the row starts them.</param>
        /// <param name="cores">Threads of the run.</param>
        /// <param name="lanes">K.</param>
        /// <param name="below">Busy lanes below which a lane network with no trial left to start hands its trials over.</param>
        public static double Row(IReadOnlyList<(double Scalar, double Lane)> trials, int cores, int lanes, double below)
        {
            ArgumentNullException.ThrowIfNull(trials);
            ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
            if (trials.Count == 0)
            {
                return 0;
            }

            // What is left of each trial, as a fraction of its work; where it runs (a lane network's core, or a core of its own).
            var left = Enumerable.Repeat(1.0, trials.Count).ToArray();
            var inLanes = new List<int>[cores];
            var alone = new int?[cores];
            var queue = new Queue<int>(Enumerable.Range(0, trials.Count));
            var handedOver = new Queue<int>();
            var networks = Math.Min(cores, (trials.Count + lanes - 1) / lanes);
            for (var c = 0; c < cores; c++)
            {
                inLanes[c] = [];
                while (c < networks && inLanes[c].Count < lanes && queue.TryDequeue(out var trial))
                {
                    inLanes[c].Add(trial);
                }
            }

            // Seconds per unit of a trial's work where it runs now (a trial without work ends at once).
            double Rate(int trial, bool inLane) => Math.Max(double.Epsilon, inLane ? lanes * trials[trial].Lane : trials[trial].Scalar);

            var now = 0.0;
            while (true)
            {
                // The hand-over rules, applied until nothing changes.
                for (var changed = true; changed;)
                {
                    changed = false;
                    for (var c = 0; c < cores; c++)
                    {
                        if (queue.Count == 0 && inLanes[c].Count > 0 && inLanes[c].Count < below)
                        {
                            inLanes[c].ForEach(handedOver.Enqueue);
                            inLanes[c].Clear();
                            changed = true;
                        }
                    }

                    for (var c = 0; c < cores; c++)
                    {
                        if (alone[c] is not null || inLanes[c].Count > 0)
                        {
                            continue;
                        }

                        if (handedOver.TryDequeue(out var taken))
                        {
                            alone[c] = taken;
                            changed = true;
                        }
                        else if (queue.Count == 0 && inLanes.Where(l => l.Count > 0).MaxBy(l => l.Count) is { } fullest)
                        {
                            alone[c] = fullest[0];
                            fullest.RemoveAt(0);
                            changed = true;
                        }
                    }
                }

                // The next trial to end, and everyone's progress until then.
                var step = double.PositiveInfinity;
                var ending = -1;
                for (var c = 0; c < cores; c++)
                {
                    foreach (var trial in inLanes[c])
                    {
                        if (left[trial] * Rate(trial, inLane: true) < step)
                        {
                            (step, ending) = (left[trial] * Rate(trial, inLane: true), trial);
                        }
                    }

                    if (alone[c] is { } own && left[own] * Rate(own, inLane: false) < step)
                    {
                        (step, ending) = (left[own] * Rate(own, inLane: false), own);
                    }
                }

                if (ending < 0)
                {
                    return now;
                }

                // Everyone moves on by the step; the trial that set it ends, whatever rounding would leave of it (so every
                // pass ends one trial at least).
                now += step;
                for (var c = 0; c < cores; c++)
                {
                    var lane = inLanes[c];
                    for (var i = lane.Count - 1; i >= 0; i--)
                    {
                        var trial = lane[i];
                        left[trial] = trial == ending ? 0 : left[trial] - (step / Rate(trial, inLane: true));
                        if (left[trial] <= 1e-12)
                        {
                            lane.RemoveAt(i);
                        }
                    }

                    // Its lanes take the row's next trials as their trials end.
                    while (c < networks && lane.Count < lanes && queue.TryDequeue(out var next))
                    {
                        lane.Add(next);
                    }

                    if (alone[c] is { } own)
                    {
                        left[own] = own == ending ? 0 : left[own] - (step / Rate(own, inLane: false));
                        if (left[own] <= 1e-12)
                        {
                            alone[c] = null;
                        }
                    }
                }
            }
        }
    }
}

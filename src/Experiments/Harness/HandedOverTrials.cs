using System;
using System.Collections.Generic;
using System.Threading;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The trials lane networks have handed over to scalar networks at a row's tail (<see cref="LaneScheduler"/>), shared
    /// by a run's threads: a thread whose lane network has emptied takes them one at a time, so that no core idles while
    /// another runs the last trials of a row in a half-empty lane network.
    /// </summary>
    /// <remarks>
    /// A thread with nothing to take waits while some lane network is still running, and says so
    /// (<see cref="ThreadWaiting"/>): the lane networks then hand over a trial at its next sequence boundary even when they
    /// are full enough to keep it, since a core of its own runs it K/(lane cost) times faster than its lane share does.
    /// </remarks>
    public sealed class HandedOverTrials
    {
        private readonly object _gate = new();
        private readonly Queue<HandedOverTrial> _trials = new();
        private int _laneNetworks;
        private int _waiting;
        private bool _stopped;

        /// <summary>Whether a thread waits for work that no one has handed over yet.</summary>
        public bool ThreadWaiting
        {
            get
            {
                lock (_gate)
                {
                    return _waiting > _trials.Count;
                }
            }
        }

        /// <summary>Whether the run has stopped taking trials over (<see cref="Stop"/>): lane networks keep their trials.</summary>
        public bool Stopped
        {
            get
            {
                lock (_gate)
                {
                    return _stopped;
                }
            }
        }

        /// <summary>A lane network will run: threads that find no trial wait for it until it has ended.</summary>
        public void LaneNetworkStarted()
        {
            lock (_gate)
            {
                _laneNetworks++;
            }
        }

        /// <summary>A lane network has ended (its lanes are empty, or it failed).</summary>
        public void LaneNetworkEnded()
        {
            lock (_gate)
            {
                _laneNetworks--;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Hands a trial over, to whichever thread takes it first.</summary>
        public void Add(HandedOverTrial trial)
        {
            ArgumentNullException.ThrowIfNull(trial);
            lock (_gate)
            {
                _trials.Enqueue(trial);
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>
        /// The next handed-over trial; waits while none is there but some lane network still runs. False when no trial is
        /// left and no lane network runs, or after <see cref="Stop"/>.
        /// </summary>
        public bool TryTake(out HandedOverTrial trial, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_stopped)
                    {
                        break;
                    }

                    if (_trials.TryDequeue(out var next))
                    {
                        trial = next;
                        return true;
                    }

                    if (_laneNetworks == 0)
                    {
                        break;
                    }

                    _waiting++;
                    try
                    {
                        // Woken by a hand-over or a lane network's end; the timeout only lets a cancellation through.
                        Monitor.Wait(_gate, TimeSpan.FromMilliseconds(200));
                    }
                    finally
                    {
                        _waiting--;
                    }
                }
            }

            trial = null!;
            return false;
        }

        /// <summary>After a failure: no thread takes another trial, and the trials not taken are returned for closing.</summary>
        public IReadOnlyList<HandedOverTrial> Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                var left = _trials.ToArray();
                _trials.Clear();
                Monitor.PulseAll(_gate);
                return left;
            }
        }
    }

    /// <summary>A trial a lane network handed over at a sequence boundary, and the scalar network it now runs on.</summary>
    /// <param name="StartClock">Starts counting the trial's time on the thread that takes it (its clock holds its lane share until then).</param>
    public sealed record HandedOverTrial(RunningTrial Trial, Runtime.ILstmNetwork Network, Action StartClock);
}

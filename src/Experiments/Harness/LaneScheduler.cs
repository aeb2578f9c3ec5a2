using System;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Drives trials in the lanes of one lane network: each lane holds a trial (<see cref="RunningTrial"/>) and
    /// presents its work, step by step, while the other lanes present theirs; one <see cref="ILaneNetwork.Step"/>
    /// advances every busy lane. When a lane's trial ends (success or cap), the lane takes the row's next trial, so the
    /// lanes stay full until the row runs out of trials.
    /// </summary>
    /// <remarks>
    /// Each lane does exactly what <see cref="SequenceRunner.Drive"/> does for a scalar network, except holding weights at
    /// zero within a sequence (<see cref="SequenceWork.HeldAtZero"/>: such work is refused; its rows run scalar): at a sequence's start
    /// <see cref="ILaneNetwork.Reset"/>; a learning step (training) or a forward step (test) per element, with the target
    /// where the step has one and outputs only at target steps; at a training sequence's end
    /// <see cref="ILaneNetwork.EndSequence"/> and the check for NaN; then the task's verdict. A trial sees its lane as
    /// a scalar network (<see cref="LaneView"/>) between sequences. So a trial's results are those of the scalar path,
    /// bit for bit, whichever lane it runs in and whoever its neighbours are.
    /// <para>
    /// Time: the lane network's thread time is shared equally among the lanes busy at each moment, and each trial's
    /// <see cref="TrialClock"/> reads its share. The shares are kept as one running sum, the time per busy lane, brought
    /// up to date only when the number of busy lanes changes and when a clock is read: no clock is read per step.
    /// </para>
    /// <para>
    /// The tail of a row (<see cref="LaneHandOver"/>): a step costs about the same however few lanes are busy, so once the
    /// row has no trial left to start, a lane network with fewer busy lanes than its cost ratio (K times a lane's cost over
    /// a scalar network's) runs its trials slower than scalar networks would. Then each trial, at its next sequence
    /// boundary, leaves its lane for a scalar network of its own (<see cref="TrialNetwork.HandOver"/>), and goes to the
    /// run's threads (<see cref="HandedOverTrials"/>). So does a trial of a fuller lane network while a thread waits
    /// with nothing to do. Where a trial runs changes its speed only, never its results.
    /// </para>
    /// </remarks>
    public sealed class LaneScheduler
    {
        private readonly ILaneNetwork _lanes;
        private readonly Lane[] _slots;
        private readonly double[] _inputs;
        private readonly int[] _activeInputs;
        private readonly double[] _targets;
        private readonly double[] _outputs;
        private ulong _busy;

        /// <summary>The lanes whose current sequence is a training sequence.</summary>
        private ulong _learning;

        /// <summary>The lanes whose current sequence has real-valued inputs (not one-hot): while one is busy, every lane is fed vectors.</summary>
        private ulong _dense;

        /// <summary>Whether the row has no trial left to start (<c>next</c> returned null).</summary>
        private bool _drained;

        /// <summary>Timestamp ticks per busy lane since the run started, up to <see cref="_sharedAt"/>.</summary>
        private double _sharePerLane;

        /// <summary>The timestamp up to which <see cref="_sharePerLane"/> is counted.</summary>
        private long _sharedAt;

        /// <param name="lanes">The lane network.</param>
        /// <param name="scalar">A scalar network of the same spec (what a <see cref="LaneView"/> shows of its spec).</param>
        public LaneScheduler(ILaneNetwork lanes, ILstmNetwork scalar)
        {
            ArgumentNullException.ThrowIfNull(lanes);
            _lanes = lanes;
            _slots = new Lane[lanes.LaneCount];
            for (var k = 0; k < _slots.Length; k++)
            {
                _slots[k] = new Lane(new LaneView(lanes, k, scalar));
            }

            _inputs = new double[lanes.LaneCount * lanes.InputCount];
            _activeInputs = new int[lanes.LaneCount];
            _targets = new double[lanes.LaneCount * lanes.OutputCount];
            _outputs = new double[lanes.LaneCount * lanes.OutputCount];
        }

        /// <summary>
        /// Runs trials until <paramref name="next"/> has none left and every lane's trial has ended.
        /// <paramref name="next"/> starts the next trial on the lane it is given (or returns null: no trial left);
        /// <paramref name="finished"/> is told of each trial whose work has ended.
        /// </summary>
        /// <paramref name="next"/> is given the lane and the clock of the trial it starts there.
        /// <param name="handOver">Where the row's last trials go when they leave their lanes; null: they stay to their end.</param>
        public void Run(Func<ILstmNetwork, TrialClock, RunningTrial?> next, Action<RunningTrial> finished, LaneHandOver? handOver = null)
        {
            ArgumentNullException.ThrowIfNull(next);
            ArgumentNullException.ThrowIfNull(finished);
            _sharedAt = Stopwatch.GetTimestamp();
            for (var k = 0; k < _slots.Length; k++)
            {
                Advance(k, next, finished);
            }

            int inputCount = _lanes.InputCount, outputCount = _lanes.OutputCount;
            while (_busy != 0)
            {
                // Each lane's sequence, learning and one-hotness were read once, when it started (Advance): per step
                // a lane costs its input, and its target where it has one.
                ulong withTargets = 0, withOutputs = 0;
                var oneHot = _lanes.AcceptsActiveInputs && (_busy & _dense) == 0;
                for (var mask = _busy; mask != 0; mask &= mask - 1)
                {
                    var k = BitOperations.TrailingZeroCount(mask);
                    var slot = _slots[k];
                    var sequence = slot.Sequence!;
                    var t = slot.Step;
                    if (oneHot)
                    {
                        _activeInputs[k] = sequence.ActiveInput(t);
                    }
                    else
                    {
                        // Element by element: the inputs of the real-valued tasks are one or two values, too few for a memmove call.
                        var input = sequence.Input(t);
                        var at = k * inputCount;
                        for (var i = 0; i < input.Length; i++)
                        {
                            _inputs[at + i] = input[i];
                        }
                    }

                    if (slot.HasTarget![t])
                    {
                        var bit = 1UL << k;
                        withOutputs |= bit;
                        if ((_learning & bit) != 0)
                        {
                            withTargets |= bit;
                            sequence.Target(t).CopyTo(_targets.AsSpan(k * outputCount, outputCount));
                        }
                    }
                }

                _lanes.Step(new LaneStep
                {
                    ActiveLanes = _busy,
                    LearningLanes = _learning & _busy,
                    TargetLanes = withTargets,
                    OutputLanes = withOutputs,
                    Inputs = oneHot ? ReadOnlySpan<double>.Empty : _inputs,
                    ActiveInputs = oneHot ? _activeInputs : ReadOnlySpan<int>.Empty,
                    Targets = _targets,
                    Outputs = _outputs,
                });

                for (var mask = withOutputs; mask != 0; mask &= mask - 1)
                {
                    var k = BitOperations.TrailingZeroCount(mask);
                    _outputs.AsSpan(k * outputCount, outputCount).CopyTo(_slots[k].Buffer.AsSpan(_slots[k].Step * outputCount, outputCount));
                }

                for (var mask = _busy; mask != 0; mask &= mask - 1)
                {
                    var k = BitOperations.TrailingZeroCount(mask);
                    var slot = _slots[k];
                    if (++slot.Step == slot.Length)
                    {
                        Complete(k);
                        if (handOver is null || !HandOver(k, handOver) || !_drained)
                        {
                            // A lane whose trial was handed over while the row still had trials to start takes the next one
                            // (or learns that none is left, which makes the network's tail thin).
                            Advance(k, next, finished);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// After a run that stopped early (an exception, a cancellation): closes the trials still in lanes (their
        /// iterators' clean-up runs) and tells <paramref name="forget"/> each one's index.
        /// </summary>
        public void Abandon(Action<int> forget)
        {
            ArgumentNullException.ThrowIfNull(forget);
            foreach (var slot in _slots)
            {
                if (slot.Trial is { } trial)
                {
                    slot.Trial = null;
                    slot.Work = null;
                    slot.Network = null;
                    slot.Clock = null;
                    trial.Work.Dispose();
                    forget(trial.Trial);
                }
            }

            _busy = 0;
        }

        /// <summary>
        /// At lane <paramref name="k"/>'s sequence boundary: hands its trial over to a scalar network when the row has no
        /// trial left to start and too few lanes are busy to pay for the lane step, or when a thread waits for work.
        /// </summary>
        /// <returns>Whether the trial left the lane (which is idle now).</returns>
        private bool HandOver(int k, LaneHandOver handOver)
        {
            var thin = _drained && BitOperations.PopCount(_busy) < handOver.Below;
            if ((!thin && !handOver.To.ThreadWaiting) || handOver.To.Stopped)
            {
                return false;
            }

            var slot = _slots[k];
            var trial = slot.Trial!;
            var clock = slot.Clock!;
            var scalar = handOver.NewNetwork();
            slot.Network!.HandOver(scalar);
            clock.Leave();
            slot.Trial = null;
            slot.Work = null;
            slot.Network = null;
            slot.Clock = null;
            SetBusy(_busy & ~(1UL << k));
            handOver.To.Add(new HandedOverTrial(trial, scalar, clock.ContinueOnOwnThread));
            return true;
        }

        /// <summary>Ends lane <paramref name="k"/>'s sequence and hands its verdict to its trial.</summary>
        private void Complete(int k)
        {
            var slot = _slots[k];
            var work = slot.Work!;
            var outputs = slot.Buffer.AsSpan(0, work.Sequence.Length * work.Sequence.OutputSize);
            if (work.Learn)
            {
                _lanes.EndSequence(k);
            }

            work.Judgement = SequenceRunner.Judge(slot.View, work, outputs);
        }

        /// <summary>
        /// Gives lane <paramref name="k"/> its next sequence: its trial's next work, or, when that trial has ended, the
        /// first work of the next trial; the lane is idle when no trial is left.
        /// </summary>
        private void Advance(int k, Func<ILstmNetwork, TrialClock, RunningTrial?> next, Action<RunningTrial> finished)
        {
            var slot = _slots[k];
            var bit = 1UL << k;
            while (true)
            {
                if (slot.Trial is { } trial && trial.Work.MoveNext())
                {
                    var work = trial.Work.Current;
                    Check(work.Sequence);
                    if (!work.HeldAtZero.IsEmpty)
                    {
                        // ExperimentRow.LaneCount keeps such rows on scalar networks: reaching this is a harness bug.
                        throw new InvalidOperationException("A lane network cannot hold one lane's weights at zero: trial " + trial.Trial.ToString(CultureInfo.InvariantCulture) + " must run on a scalar network.");
                    }

                    slot.Work = work;
                    slot.Step = 0;
                    var sequence = work.Sequence;
                    slot.Sequence = sequence;
                    slot.HasTarget = sequence.HasTarget;
                    slot.Length = sequence.Length;
                    _learning = work.Learn ? _learning | bit : _learning & ~bit;
                    _dense = sequence.IsOneHot ? _dense & ~bit : _dense | bit;
                    var buffer = work.Learn ? slot.Training : slot.Testing;
                    SequenceRunner.Buffer(sequence, ref buffer);
                    if (work.Learn)
                    {
                        slot.Training = buffer;
                    }
                    else
                    {
                        slot.Testing = buffer;
                    }

                    slot.Buffer = buffer;
                    if (!work.ContinueState)
                    {
                        _lanes.Reset(k);
                    }

                    if (sequence.Length == 0)
                    {
                        Complete(k);
                        continue;
                    }

                    SetBusy(_busy | bit);
                    return;
                }

                slot.Work = null;
                if (slot.Trial is { } ended)
                {
                    slot.Trial = null;
                    finished(ended);
                }

                slot.Network = new TrialNetwork(slot.View);
                slot.Clock = new LaneClock(this);
                slot.Trial = next(slot.Network, slot.Clock);
                if (slot.Trial is null)
                {
                    _drained = true;
                    slot.Network = null;
                    slot.Clock = null;
                    SetBusy(_busy & ~bit);
                    return;
                }
            }
        }

        /// <summary>Changes the busy lanes, counting the time until now as shared among the lanes busy until now.</summary>
        private void SetBusy(ulong busy)
        {
            if (busy != _busy)
            {
                _sharePerLane = SharePerLane();
                _sharedAt = Stopwatch.GetTimestamp();
                _busy = busy;
            }
        }

        /// <summary>Timestamp ticks per busy lane from the run's start until now.</summary>
        private double SharePerLane()
        {
            var busy = BitOperations.PopCount(_busy);
            return busy == 0 ? _sharePerLane : _sharePerLane + (double)(Stopwatch.GetTimestamp() - _sharedAt) / busy;
        }

        private void Check(Sequence sequence)
        {
            if (sequence.InputSize != _lanes.InputCount || sequence.OutputSize != _lanes.OutputCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The sequence has {sequence.InputSize} inputs and {sequence.OutputSize} outputs, the network {_lanes.Name} {_lanes.InputCount} and {_lanes.OutputCount}."));
            }
        }

        /// <summary>
        /// A trial's clock in a lane: its share of the lane network's time since the trial started; after the trial left its
        /// lane, that share plus the time of the thread that took it over.
        /// </summary>
        private sealed class LaneClock(LaneScheduler scheduler) : TrialClock
        {
            private readonly double _start = scheduler.SharePerLane();
            private double _left = double.NaN;
            private Stopwatch? _ownThread;

            public override double Seconds => double.IsNaN(_left)
                ? (scheduler.SharePerLane() - _start) / Stopwatch.Frequency
                : ((_left - _start) / Stopwatch.Frequency) + (_ownThread?.Elapsed.TotalSeconds ?? 0);

            /// <summary>The trial leaves its lane: its share stops here.</summary>
            public void Leave() => _left = scheduler.SharePerLane();

            /// <summary>A thread has taken the trial over: its time counts from now.</summary>
            public void ContinueOnOwnThread() => _ownThread = Stopwatch.StartNew();
        }

        /// <summary>One lane: its trial, the sequence it presents, the step it is at, and its output buffers.</summary>
        private sealed class Lane(LaneView view)
        {
            public LaneView View { get; } = view;

            public RunningTrial? Trial { get; set; }

            /// <summary>The network <see cref="Trial"/> was started on (this lane, until it is handed over) and its clock.</summary>
            public TrialNetwork? Network { get; set; }

            public LaneClock? Clock { get; set; }

            public SequenceWork? Work { get; set; }

            /// <summary>The sequence of <see cref="Work"/>, its target steps and its length, read once at its start.</summary>
            public Sequence? Sequence { get; set; }

            public bool[]? HasTarget { get; set; }

            public int Length { get; set; }

            public int Step { get; set; }

            /// <summary>The outputs of the sequence under way (<see cref="Training"/> or <see cref="Testing"/>).</summary>
            public double[] Buffer { get; set; } = Array.Empty<double>();

            public double[] Training { get; set; } = Array.Empty<double>();

            public double[] Testing { get; set; } = Array.Empty<double>();
        }
    }
}

using System;
using System.Globalization;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A stopping rule that watches the stream of training sequences (Table 11, "stopping criterion"). Rules that need a
    /// separate test set (Exp 1; ST1/ST2 of Exp 3) are evaluated by the protocol instead.
    /// </summary>
    public interface IStreamStoppingRule
    {
        /// <summary>The rule in the paper's words, for reports.</summary>
        string Description { get; }

        /// <summary>Records one training sequence; returns true once the rule is satisfied.</summary>
        bool Observe(in SequenceJudgement outcome);

        /// <summary>The rule's current figure for progress displays (e.g. the running error).</summary>
        double CurrentError { get; }

        /// <summary>
        /// How many of the sequences up to a met rule are the paper's test "after training" rather than training: they
        /// are not counted in "success after" (Table 2). 0 for rules that stop training (ST3, Exp 5).
        /// </summary>
        int SequencesAfterTraining { get; }

        void Reset();

        /// <summary>Writes what the rule has seen so far, for a training checkpoint (docs/checkpoints.md).</summary>
        void WriteState(CheckpointWriter writer);

        /// <summary>Restores what <see cref="WriteState"/> wrote, exactly: a resumed trial continues bit for bit.</summary>
        /// <exception cref="CheckpointException">The state is of a rule with other parameters.</exception>
        void ReadState(CheckpointReader reader);
    }

    /// <summary>
    /// Exps 2a-2c: "during 10,000 successive, randomly chosen input sequences, the maximal absolute error of all output
    /// units is always below β". Watched on the training stream itself (the sequences are random and the weights are those
    /// of training at the time); satisfied when that many successive sequences were correct.
    /// </summary>
    /// <remarks>
    /// The paper's "success after" cannot include those sequences: Table 2 gives LSTM on 2a a mean of 5,040 and §5.2 gives
    /// 5,680 for 2b, both fewer than the 10,000 of the criterion, which the paper applies "after training". So the
    /// run of correct sequences is the test, and <see cref="SequencesAfterTraining"/> (= <see cref="Required"/>) is what
    /// the row takes off the count: success after n = the training sequences before the first of the run.
    /// </remarks>
    public sealed class SuccessiveCorrectRule : IStreamStoppingRule
    {
        public SuccessiveCorrectRule(int required)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(required);
            Required = required;
        }

        public int Required { get; }

        /// <summary>Number of successive correct sequences so far.</summary>
        public int Run { get; private set; }

        public double CurrentError { get; private set; }

        public string Description => string.Create(CultureInfo.InvariantCulture, $"{Required} successive sequences correct");

        public int SequencesAfterTraining => Required;

        public bool Observe(in SequenceJudgement outcome)
        {
            Run = outcome.Correct ? Run + 1 : 0;
            CurrentError = (0.999 * CurrentError) + (0.001 * outcome.JudgedAbsError);
            return Run >= Required;
        }

        public void Reset()
        {
            Run = 0;
            CurrentError = 0.0;
        }

        public void WriteState(CheckpointWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteInt32(Required);
            writer.WriteInt32(Run);
            writer.WriteDouble(CurrentError);
        }

        public void ReadState(CheckpointReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var required = reader.ReadInt32();
            if (required != Required)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"the checkpoint's stopping rule wants {required} successive correct sequences, this one {Required}"));
            }

            Run = reader.ReadCount("the run of correct sequences", int.MaxValue);
            CurrentError = reader.ReadDouble();
        }
    }

    /// <summary>
    /// ST3(β) of Table 11 (Exps 4 and 6): "the average training error is below β, and the 2000 most recent sequences were
    /// processed correctly". The average is taken over the same 2000 sequences (the paper does not say; extraction §7.3).
    /// </summary>
    public sealed class St3Rule : IStreamStoppingRule
    {
        private readonly RecentWindow _window;

        public St3Rule(double beta, TrainingErrorMeasure measure = TrainingErrorMeasure.Squared, int window = 2000)
        {
            Beta = beta;
            Measure = measure;
            _window = new RecentWindow(window);
        }

        public double Beta { get; }

        public TrainingErrorMeasure Measure { get; }

        /// <summary>How many of the most recent sequences the average and the "all correct" test cover (2000).</summary>
        public int Window => _window.Capacity;

        public double CurrentError => _window.MeanError;

        /// <summary>Wrong sequences among the recent ones.</summary>
        public int RecentWrong => _window.WrongCount;

        public int SequencesAfterTraining => 0;

        public string Description => string.Create(CultureInfo.InvariantCulture,
            $"ST3({Beta}): mean {(Measure == TrainingErrorMeasure.Squared ? "squared" : "absolute")} error of the {_window.Capacity} most recent sequences below {Beta}, all of them correct");

        public bool Observe(in SequenceJudgement outcome)
        {
            _window.Add(outcome.Correct, Measure == TrainingErrorMeasure.Squared ? outcome.SquaredError : outcome.EndAbsError);
            return _window.IsFull && _window.WrongCount == 0 && _window.MeanError < Beta;
        }

        public void Reset() => _window.Clear();

        public void WriteState(CheckpointWriter writer) => _window.WriteState(writer);

        public void ReadState(CheckpointReader reader) => _window.ReadState(reader);
    }

    /// <summary>
    /// Exp 5 (§5.5): performance is tested "as soon as less than n_seq of the 2000 most recent training sequences lead to
    /// absolute errors exceeding 0.04" (n_seq = 140 and 13).
    /// </summary>
    public sealed class FewWrongRule : IStreamStoppingRule
    {
        private readonly RecentWindow _window;

        public FewWrongRule(int maxWrongExclusive, int window = 2000)
        {
            MaxWrongExclusive = maxWrongExclusive;
            _window = new RecentWindow(window);
        }

        public int MaxWrongExclusive { get; }

        public double CurrentError => _window.MeanError;

        public string Description => string.Create(CultureInfo.InvariantCulture,
            $"fewer than {MaxWrongExclusive} of the {_window.Capacity} most recent sequences wrong");

        public int SequencesAfterTraining => 0;

        public bool Observe(in SequenceJudgement outcome)
        {
            _window.Add(outcome.Correct, outcome.SquaredError);
            return _window.IsFull && _window.WrongCount < MaxWrongExclusive;
        }

        public void Reset() => _window.Clear();

        public void WriteState(CheckpointWriter writer) => _window.WriteState(writer);

        public void ReadState(CheckpointReader reader) => _window.ReadState(reader);
    }
}

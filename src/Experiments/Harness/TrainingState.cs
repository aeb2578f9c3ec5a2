using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Everything a trial changes while it trains, between two training sequences: what a <see cref="TrainingCheckpoint"/>
    /// saves and restores. The parts every row has (identity, settings, sequence count, the training-data stream, the
    /// weights) are fields; the row's own parts are <see cref="Sections"/>, written in order between the stream and the
    /// weights. (The network's activations and traces are not part of it: every sequence starts from
    /// <see cref="ILstmNetwork.Reset"/>.)
    /// </summary>
    internal sealed class TrainingState
    {
        public TrainingState(string row, int trial, ulong seed, string settings, ILstmNetwork network, SeededRandom random, IReadOnlyList<ICheckpointSection> sections)
        {
            Row = row;
            Trial = trial;
            Seed = seed;
            Settings = settings;
            Network = network;
            Random = random;
            Sections = sections;
        }

        public string Row { get; }

        public int Trial { get; }

        public ulong Seed { get; }

        /// <summary>The settings that shape training (network, learning rate, update timing, rule), in words.</summary>
        public string Settings { get; }

        public ILstmNetwork Network { get; }

        /// <summary>The training-data stream (the trial seed's second stream).</summary>
        public SeededRandom Random { get; }

        /// <summary>The row's own state (stopping rule, learning curve, ...), in the order the checkpoint holds it.</summary>
        public IReadOnlyList<ICheckpointSection> Sections { get; }

        /// <summary>Training sequences presented so far.</summary>
        public long Sequences { get; set; }

        /// <summary>Whether the stopping rule has been met (training is over).</summary>
        public bool Success { get; set; }

        /// <summary>Wall time of the trial's earlier sessions, before it was last resumed.</summary>
        public double EarlierWallSeconds { get; set; }
    }
}

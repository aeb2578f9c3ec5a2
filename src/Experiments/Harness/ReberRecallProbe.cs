using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// One memory cell of a trained Exp 1 network, read over the trial's 512 strings: what it holds when the network must
    /// predict the symbol before last, and how its block's gates behaved on the way there.
    /// </summary>
    /// <param name="Cell">The cell's index (layout order).</param>
    /// <param name="Block">Its memory cell block.</param>
    /// <param name="MeanStateT">Mean s_c at the recall step over the strings of the T branch (second symbol T).</param>
    /// <param name="MeanStateP">The same over the P branch.</param>
    /// <param name="Separation">
    /// The share of the strings one threshold on s_c at the recall step sorts into their branch (the best threshold, either
    /// side, chosen on the same strings): 1 when the cell alone tells T from P; a few points above the larger branch's share
    /// (about 0.55 on 512 strings) when it holds nothing of it.
    /// </param>
    /// <param name="InputGateAtStore">The block's input gate y^in at the store step (reading the second symbol), mean over the strings.</param>
    /// <param name="InputGateInner">y^in over the inner string (the steps between the store and the recall step), mean.</param>
    /// <param name="OutputGateAtRecall">y^out at the recall step, mean (1 for a block without output gate).</param>
    public sealed record RecallCell(int Cell, int Block, double MeanStateT, double MeanStateP, double Separation, double InputGateAtStore, double InputGateInner, double OutputGateAtRecall);

    /// <summary>One trained trial: how it ended, how many strings it gets wrong where, and each cell's <see cref="RecallCell"/>.</summary>
    /// <param name="Strings">Strings probed: the trial's 256 training and 256 test strings (what the success test judges).</param>
    /// <param name="WrongStrings">Strings with at least one wrong prediction (the success test's count: the trial's final
    /// test and training counts together).</param>
    /// <param name="WrongAtRecall">Strings whose symbol before last is predicted wrongly (the most active output is not the second symbol).</param>
    /// <param name="WrongElsewhere">Strings with a wrong prediction at another step (the inner grammar, or the symbols around it);
    /// a string can be wrong at both.</param>
    public sealed record RecallTrial(int Trial, ulong Seed, bool Success, long Sequences, int Strings, int WrongStrings, int WrongAtRecall, int WrongElsewhere, IReadOnlyList<RecallCell> Cells);

    /// <summary>A row's recall probe: one <see cref="RecallTrial"/> per trial, and the settings it trained them with.</summary>
    public sealed record RecallSummary(string Row, string Network, long MaxSequences, string Settings, IReadOnlyList<RecallTrial> Trials);

    /// <summary>
    /// Where Exp 1's trained networks keep the second symbol (§5.1: "To correctly predict the symbol before last, the net
    /// has to remember the second symbol"). Each trial is trained exactly as <c>lstmgen run</c> trains it with the same
    /// options (the same seed, weights, strings and stopping rule, on the scalar path: the same bits as any lane path), then
    /// its 512 strings are read forward with the trained weights. At the store step (step 1, reading T or P) the block's
    /// input gate should open; over the inner string it should stay closed; at the recall step (reading the inner string's E, taught the symbol before last) some cell's state s_c should still say
    /// which branch the string took, and its output gate should let it out (Eqs. 7-9). The gates are what §3.2's "input
    /// weight conflict" and "output weight conflict" are about; drifting states are §4's "internal state drift".
    /// </summary>
    /// <remarks>
    /// The verdicts come from the trained network itself (the judge of the success test, on the same outputs); the states
    /// and gate activations from the reference interpreter stepped beside it with the same weights (equal to the compiled
    /// class to 1e-12, tests/LstmGen.Runtime.Tests/Proofs), which exposes them for every network, compiled or not.
    /// </remarks>
    public static class ReberRecallProbe
    {
        /// <summary>The step that reads the second symbol (T or P): the one at which the branch can be stored.</summary>
        public const int StoreStep = 1;

        /// <summary>
        /// The step taught the symbol before last: it reads the inner string's final E. A string of n symbols has n − 1
        /// steps (step t reads symbol t, <see cref="EmbeddedReberTask"/>), so this is step n − 3, the last step but one.
        /// </summary>
        public static int RecallStep(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            return sequence.Length - 2;
        }

        /// <summary>
        /// Trains and probes the trials <paramref name="trials"/> (indices, as in <c>lstmgen run</c>) of <paramref name="row"/>;
        /// <paramref name="probed"/> hears of each trial as it is done.
        /// </summary>
        public static RecallSummary Measure(ReberRow row, IReadOnlyList<int> trials, ulong baseSeed, RunOptions options, Action<RecallTrial>? probed = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(trials);
            ArgumentNullException.ThrowIfNull(options);
            if (trials.Count == 0 || trials.Any(t => t < 0))
            {
                throw new ArgumentException("At least one trial, and no negative index.", nameof(trials));
            }

            options = options with { BaseSeed = baseSeed };
            var results = new List<RecallTrial>(trials.Count);
            string? network = null;
            foreach (var trial in trials)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var seed = TrialSeeds.For(row.Id, trial, baseSeed);
                var result = row.RunTrial(trial, seed, options, new TrialProgress(row.Id, trial), cancellationToken, out var trained);
                network ??= trained.Name;
                var dataSet = row.DataSetFor(trial);
                var probe = Probe(trained, row.CreateTask(), dataSet.Training.Concat(dataSet.Test).ToList(), trial, seed, result.Success, result.Sequences);
                results.Add(probe);
                probed?.Invoke(probe);
            }

            return new RecallSummary(row.Id, network!, options.MaxSequences ?? row.DefaultMaxSequences, Sharding.RunSettings.Describe(options, options.SpecPath), results);
        }

        /// <summary>
        /// Reads <paramref name="strings"/> (embedded Reber strings of both branches) forward through <paramref name="network"/>
        /// (trained) and summarises its cells.
        /// </summary>
        public static RecallTrial Probe(ILstmNetwork network, ISequenceTask task, IReadOnlyList<Sequence> strings, int trial, ulong seed, bool success, long sequences)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(task);
            ArgumentNullException.ThrowIfNull(strings);
            if (!strings.Any(s => s.Class == 0) || !strings.Any(s => s.Class == 1))
            {
                throw new ArgumentException("The recall probe needs strings of both branches (T and P).", nameof(strings));
            }

            // The reference interpreter exposes states and gates; a network that is one already is read directly.
            var reference = network as ReferenceNetwork ?? ReferenceCopy.Of(network);
            var beside = ReferenceEquals(reference, network) ? null : reference;
            var referenceOutput = new double[network.OutputCount];
            var layout = reference.Layout;
            var cellCount = layout.CellCount;
            var states = new double[cellCount][];
            var inputGateAtStore = new double[layout.BlockCount];
            var inputGateInner = new double[layout.BlockCount];
            var outputGateAtRecall = new double[layout.BlockCount];
            long innerSteps = 0;
            var branches = new int[strings.Count];
            for (var c = 0; c < cellCount; c++)
            {
                states[c] = new double[strings.Count];
            }

            var wrongStrings = 0;
            var wrongAtRecall = 0;
            var wrongElsewhere = 0;
            for (var n = 0; n < strings.Count; n++)
            {
                var sequence = strings[n];
                if (sequence.Class is not (0 or 1) || sequence.LegalSuccessors is null)
                {
                    throw new ArgumentException("The recall probe reads embedded Reber strings (branch T or P, with their legal successors).", nameof(strings));
                }

                branches[n] = sequence.Class;
                var recall = RecallStep(sequence);
                var outputs = sequence.NewOutputBuffer();
                network.Reset();
                beside?.Reset();
                for (var t = 0; t < sequence.Length; t++)
                {
                    network.Step(sequence.Input(t), outputs.AsSpan(t * sequence.OutputSize, sequence.OutputSize));
                    beside?.Step(sequence.Input(t), referenceOutput);
                    var hidden = reference.HiddenActivations;
                    for (var j = 0; j < layout.BlockCount; j++)
                    {
                        var inputGate = hidden[layout.InputGateIndex(j)];
                        if (t == StoreStep)
                        {
                            inputGateAtStore[j] += inputGate;
                        }
                        else if (t > StoreStep && t < recall)
                        {
                            inputGateInner[j] += inputGate;
                        }
                        else if (t == recall)
                        {
                            var outputGate = layout.OutputGateIndex(j);
                            outputGateAtRecall[j] += outputGate < 0 ? 1.0 : hidden[outputGate];
                        }
                    }

                    if (t > StoreStep && t < recall)
                    {
                        innerSteps++;
                    }

                    if (t == recall)
                    {
                        for (var c = 0; c < cellCount; c++)
                        {
                            states[c][n] = reference.CellStates[c];
                        }
                    }
                }

                var recallRight = EmbeddedReberTask.MostActiveAreExactly(outputs.AsSpan(recall * sequence.OutputSize, sequence.OutputSize), sequence.LegalSuccessors[recall]);
                var wrongSteps = task.Judge(sequence, outputs).WrongSteps;
                if (wrongSteps > 0)
                {
                    wrongStrings++;
                }

                if (!recallRight)
                {
                    wrongAtRecall++;
                }

                if (wrongSteps > (recallRight ? 0 : 1))
                {
                    wrongElsewhere++;
                }
            }

            var cells = new List<RecallCell>(cellCount);
            for (var j = 0; j < layout.BlockCount; j++)
            {
                for (var i = 0; i < layout.BlockSize(j); i++)
                {
                    var c = layout.CellIndex(j, i);
                    cells.Add(new RecallCell(
                        c,
                        j,
                        MeanOf(states[c], branches, 0),
                        MeanOf(states[c], branches, 1),
                        BestThresholdAccuracy(states[c], branches),
                        inputGateAtStore[j] / strings.Count,
                        inputGateInner[j] / innerSteps,   // every embedded Reber string has inner steps (length 9 at least)
                        outputGateAtRecall[j] / strings.Count));
                }
            }

            return new RecallTrial(trial, seed, success, sequences, strings.Count, wrongStrings, wrongAtRecall, wrongElsewhere, cells);
        }

        /// <summary>
        /// The largest share of <paramref name="values"/> one threshold sorts into their two classes (0, 1), classes on
        /// either side: values above the threshold are one class, the others the other. Equal values always fall on the
        /// same side. 0.5 or more whenever the classes are balanced.
        /// </summary>
        public static double BestThresholdAccuracy(IReadOnlyList<double> values, IReadOnlyList<int> classes)
        {
            ArgumentNullException.ThrowIfNull(values);
            ArgumentNullException.ThrowIfNull(classes);
            if (values.Count != classes.Count || values.Count == 0)
            {
                throw new ArgumentException("One class per value, and at least one value.", nameof(classes));
            }

            var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
            var ones = classes.Count(c => c == 1);
            var zeros = values.Count - ones;

            // Threshold below everything: all "above" (class 1 above: ones right; class 0 above: zeros right).
            int zerosBelow = 0, onesBelow = 0;
            var best = Math.Max(ones, zeros);
            for (var k = 0; k < order.Length; k++)
            {
                if (classes[order[k]] == 1)
                {
                    onesBelow++;
                }
                else
                {
                    zerosBelow++;
                }

                if (k + 1 < order.Length && values[order[k + 1]] == values[order[k]])
                {
                    continue;   // a threshold cannot split equal values
                }

                best = Math.Max(best, Math.Max(zerosBelow + (ones - onesBelow), onesBelow + (zeros - zerosBelow)));
            }

            return (double)best / values.Count;
        }

        private static double MeanOf(double[] values, int[] branches, int branch)
        {
            double sum = 0;
            var count = 0;
            for (var n = 0; n < values.Length; n++)
            {
                if (branches[n] == branch)
                {
                    sum += values[n];
                    count++;
                }
            }

            return count == 0 ? double.NaN : sum / count;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Runtime;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Sequential network construction (§4, abuse problem solution 1; Exps 2a and 2b): "Memory cell and input gate are
    /// added once the error has stopped decreasing." Until then the network is the feedforward input-to-output net: the
    /// weights from the cells to the outputs are held at zero, which makes the cells invisible (their error signals
    /// Σ_k w_k,c e_k vanish, so nothing else of theirs learns either). When the error stops decreasing, those weights get
    /// their initial values back and the cells join in.
    /// <para>
    /// The learning rule changes those weights like any other (Δw_k,c = α e_k y^c, Eq. 19), so they are held at zero
    /// after every change: the trial's work names them (<see cref="HeldAtZero"/>, <see cref="SequenceWork.HeldAtZero"/>)
    /// and the driver sets them to zero after each learning step under per-step updates, after the sequence under
    /// per-sequence ones. Until LstmGen 0.6.0 they were reset only after each sequence, so under per-step updates the
    /// cells fed the outputs and learned within every sequence before they were added (rows 2a, 2b; docs/reproduction-study.md).
    /// </para>
    /// </summary>
    /// <remarks>
    /// The paper does not say when the error "has stopped decreasing" (extraction §7, item 4). Here: the mean of the
    /// training sequences' squared error over consecutive windows of <see cref="Window"/> sequences; the cells are added
    /// when a window's mean is not at least <see cref="RelativeImprovement"/> below the previous window's.
    /// </remarks>
    public sealed class SequentialConstruction
    {
        public const int Window = 500;
        public const double RelativeImprovement = 0.01;

        private readonly ILstmNetwork _network;
        private readonly bool _addSilently;
        private readonly int[] _cellToOutput;
        private readonly double[] _initial;
        private readonly double[] _weights;
        private double _windowSum;
        private int _windowCount;
        private double _previousMean = double.PositiveInfinity;

        public SequentialConstruction(ILstmNetwork network, bool addSilently = false)
        {
            _addSilently = addSilently;
            _network = network;
            _cellToOutput = [.. network.Description.CellToOutputWeights()];
            _weights = new double[network.WeightCount];
            network.CopyWeightsTo(_weights);
            _initial = new double[_cellToOutput.Length];
            for (var i = 0; i < _cellToOutput.Length; i++)
            {
                _initial[i] = _weights[_cellToOutput[i]];
            }

            HideCells();
        }

        /// <summary>Whether the cells have been added.</summary>
        public bool CellsAdded { get; private set; }

        /// <summary>The number of training sequences after which the cells were added (0 while they are not).</summary>
        public long AddedAfter { get; private set; }

        /// <summary>The weights (layout order) the learning must leave at zero: the cells' outgoing weights until the cells are added, then none.</summary>
        public ReadOnlyMemory<int> HeldAtZero => CellsAdded ? ReadOnlyMemory<int>.Empty : _cellToOutput;

        /// <summary>Call after each training sequence (with updates applied, and <see cref="HeldAtZero"/> held at zero by the driver).</summary>
        public void AfterSequence(long sequences, double squaredError)
        {
            if (CellsAdded)
            {
                return;
            }

            _windowSum += squaredError;
            if (++_windowCount < Window)
            {
                return;
            }

            var mean = _windowSum / _windowCount;
            _windowSum = 0;
            _windowCount = 0;
            if (mean < _previousMean * (1 - RelativeImprovement))
            {
                _previousMean = mean;
                return;
            }

            _network.CopyWeightsTo(_weights);
            for (var i = 0; i < _cellToOutput.Length; i++)
            {
                _weights[_cellToOutput[i]] = _addSilently ? 0.0 : _initial[i];
            }

            _network.SetWeights(_weights);
            CellsAdded = true;
            AddedAfter = sequences;
        }

        /// <summary>
        /// Writes the construction's state (the cells' initial output weights, the current window, whether and when the
        /// cells were added), for a checkpoint; the network's weights are saved apart.
        /// </summary>
        public void WriteState(CheckpointWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteInt32(_initial.Length);
            writer.WriteDoubles(_initial);
            writer.WriteDouble(_windowSum);
            writer.WriteInt32(_windowCount);
            writer.WriteDouble(_previousMean);
            writer.WriteBoolean(CellsAdded);
            writer.WriteInt64(AddedAfter);
        }

        /// <summary>Restores what <see cref="WriteState"/> wrote; load the network's weights afterwards.</summary>
        public void ReadState(CheckpointReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var count = reader.ReadInt32();
            if (count != _initial.Length)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"the checkpoint's sequential construction holds {count} cell-to-output weights, this network has {_initial.Length}"));
            }

            reader.ReadDoubles(_initial);
            _windowSum = reader.ReadDouble();
            _windowCount = reader.ReadCount("the construction's window count", Window);
            _previousMean = reader.ReadDouble();
            CellsAdded = reader.ReadBoolean();
            AddedAfter = reader.ReadInt64();
        }

        private void HideCells()
        {
            _network.CopyWeightsTo(_weights);
            foreach (var index in _cellToOutput)
            {
                _weights[index] = 0.0;
            }

            _network.SetWeights(_weights);
        }
    }
}

using System;
using System.Collections.Generic;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Runtime;
using static LstmGen.Reference.ReferenceSquashing;
using UpdateTiming = LstmGen.Runtime.UpdateTiming;

namespace LstmGen.Reference
{
    /// <summary>
    /// The reference interpreter: any spec, run straight from the paper's equations (App. A.1, Eqs. 7-9 and 19-28;
    /// extraction §1.3, §2.2-2.3 and the per-step procedure of §3.8), written for clarity, not speed. It is the
    /// independent oracle the generated code is tested against, so it shares no numerics with it: it reads the
    /// <see cref="NetworkLayout"/> only to know which weight index connects which source to which unit (and the
    /// trace order), and computes everything else itself, always in double precision (a float spec too).
    /// </summary>
    /// <remarks>
    /// Processing order of one step t (§5): x(t) is set; every gate and cell computes from x(t), the hidden
    /// activations y(t−1) and the bias 1; the outputs compute from this step's cell outputs y^c(t) (and x(t) where the
    /// connectivity says so). In the paper's learning equations "y^m(t−1)" is the activation of source m as its net
    /// input sees it at step t (extraction §2.3).
    /// </remarks>
    public sealed class ReferenceNetwork : ILstmNetwork<double>
    {
        private readonly NetworkLayout _layout;

        // The weights w_lm, in layout order.
        private readonly double[] _w;

        // Σ_t Δw_lm(t) of the current sequence, applied at EndSequence under per-sequence updates (extraction §2.4).
        private readonly double[] _pendingDeltaW;

        // y^u(t−1): the hidden activations (cells, input gates, output gates; layout order) of the previous step.
        private double[] _yHiddenPrevious;

        // s_c(t−1) → s_c(t): the internal state of every cell, its constant error carrousel (Eq. 9).
        private readonly double[] _sC;

        // y^k(t) of the last step.
        private readonly double[] _yK;

        // ∂s_c/∂w_in_j,m (Eq. 25), per cell c, one per weight m of its block's input gate row (row order).
        private readonly double[][] _dSdwIn;

        // ∂s_c/∂w_c,m (Eq. 27), per cell c, one per weight m of its own cell input row (row order).
        private readonly double[][] _dSdwC;

        // ∂s_c/∂w_φ_j,m (Gers, Schmidhuber & Cummins 2000), per cell c of a block with a forget gate, one per weight m of
        // its block's forget gate row (row order); empty for the 1997 cell.
        private readonly double[][] _dSdwPhi;

        private ReferenceNetwork(NetworkSpec spec)
        {
            Spec = spec;
            _layout = NetworkLayout.Create(spec);
            _w = new double[_layout.WeightCount];
            _pendingDeltaW = new double[_layout.WeightCount];
            _yHiddenPrevious = new double[_layout.HiddenCount];
            _sC = new double[_layout.CellCount];
            _yK = new double[spec.OutputCount];
            _dSdwIn = new double[_layout.CellCount][];
            _dSdwC = new double[_layout.CellCount][];
            _dSdwPhi = new double[_layout.CellCount][];
            for (var j = 0; j < _layout.BlockCount; j++)
            {
                for (var v = 0; v < _layout.BlockSize(j); v++)
                {
                    var c = _layout.CellIndex(j, v);
                    _dSdwIn[c] = new double[_layout.InputGateFanIn(j).Length];
                    _dSdwC[c] = new double[_layout.CellFanIn(j, v).Length];
                    _dSdwPhi[c] = new double[_layout.ForgetGateFanIn(j)?.Length ?? 0];
                }
            }

            Description = ReferenceDescription.Of(spec, _layout);
            Reset();   // a new network starts as Reset leaves it (its activations at the spec's resetActivation)
            LearningRate = spec.LearningRate;
            Update = spec.Update == Generator.Model.UpdateTiming.PerStep ? UpdateTiming.PerStep : UpdateTiming.PerSequence;
        }

        /// <summary>The spec the network runs.</summary>
        public NetworkSpec Spec { get; }

        /// <summary>The weight, hidden and trace order shared with the generated code.</summary>
        public NetworkLayout Layout => _layout;

        /// <inheritdoc/>
        public string Name => Spec.TypeName;

        /// <inheritdoc/>
        public int InputCount => Spec.InputCount;

        /// <inheritdoc/>
        public int OutputCount => Spec.OutputCount;

        /// <inheritdoc/>
        public int WeightCount => _layout.WeightCount;

        /// <inheritdoc/>
        public double LearningRate { get; set; }

        /// <inheritdoc/>
        public UpdateTiming Update { get; set; }

        /// <inheritdoc/>
        public string SpecText => Spec.SpecText;

        /// <inheritdoc/>
        public string SpecFileName => Spec.SpecFileName;

        /// <inheritdoc/>
        public NetworkDescription Description { get; }

        /// <summary>The spec's warnings (diagnostics that are not errors), empty for a network built from a parsed spec.</summary>
        public IReadOnlyList<SpecDiagnostic> Warnings { get; private init; } = Array.Empty<SpecDiagnostic>();

        /// <inheritdoc/>
        public Span<double> Weights => _w;

        /// <summary>The outputs y^k(t) of the last step.</summary>
        public ReadOnlySpan<double> Outputs => _yK;

        /// <summary>The internal states s_c(t) of the last step (Eq. 9), in cell order.</summary>
        public ReadOnlySpan<double> CellStates => _sC;

        /// <summary>The hidden activations y(t) of the last step: cells, input gates, output gates (layout order).</summary>
        public ReadOnlySpan<double> HiddenActivations => _yHiddenPrevious;

        /// <summary>The network of a parsed spec.</summary>
        public static ReferenceNetwork FromSpec(NetworkSpec spec)
        {
            if (spec is null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            return new ReferenceNetwork(spec);
        }

        /// <summary>Parses a spec's YAML text and builds its network.</summary>
        /// <exception cref="SpecException">The spec has errors; the exception carries every diagnostic.</exception>
        public static ReferenceNetwork FromYaml(string path, string yamlText)
        {
            var result = SpecParser.Parse(path, yamlText);
            if (result.HasErrors || result.Spec is null)
            {
                throw new SpecException(new List<SpecDiagnostic>(result.Diagnostics));
            }

            var warnings = new List<SpecDiagnostic>();
            foreach (var diagnostic in result.Diagnostics)
            {
                if (!diagnostic.IsError)
                {
                    warnings.Add(diagnostic);
                }
            }

            return new ReferenceNetwork(result.Spec) { Warnings = warnings };
        }

        /// <inheritdoc/>
        public void InitializeWeights(ulong seed)
        {
            // Every weight uniform in [−a, a], drawn in weight order (Table 11 "interval"; same draws as generated code).
            var random = new SeededRandom(seed);
            for (var i = 0; i < _w.Length; i++)
            {
                _w[i] = random.NextSymmetric(Spec.InitInterval);
            }

            // The gate biases the spec fixes (Table 10 "igb", "ogb") replace their random draw.
            for (var j = 0; j < _layout.BlockCount; j++)
            {
                var block = Spec.Blocks[j];
                var inputGate = _layout.InputGateFanIn(j);
                if (inputGate.HasBias && !block.InputGateBias.IsRandom)
                {
                    _w[inputGate.BiasOffset] = block.InputGateBias.Value;
                }

                var forgetGate = _layout.ForgetGateFanIn(j);
                if (forgetGate != null && forgetGate.HasBias && !block.ForgetGateBias.IsRandom)
                {
                    _w[forgetGate.BiasOffset] = block.ForgetGateBias.Value;
                }

                var outputGate = _layout.OutputGateFanIn(j);
                if (outputGate != null && outputGate.HasBias && !block.OutputGateBias.IsRandom)
                {
                    _w[outputGate.BiasOffset] = block.OutputGateBias.Value;
                }
            }

            Array.Clear(_pendingDeltaW);
        }

        /// <inheritdoc/>
        public void CopyWeightsTo(Span<double> destination)
        {
            if (destination.Length != _w.Length)
            {
                throw new ArgumentException("Expected " + Text(_w.Length) + " weights, got " + Text(destination.Length) + ".", nameof(destination));
            }

            _w.CopyTo(destination);
        }

        /// <inheritdoc/>
        public void SetWeights(ReadOnlySpan<double> source)
        {
            if (source.Length != _w.Length)
            {
                throw new ArgumentException("Expected " + Text(_w.Length) + " weights, got " + Text(source.Length) + ".", nameof(source));
            }

            source.CopyTo(_w);
            Array.Clear(_pendingDeltaW);
        }

        /// <summary>Copies the traces ∂s/∂w in layout order (per cell: input gate row, forget gate row if any, then its own cell row).</summary>
        public void CopyTracesTo(Span<double> destination)
        {
            if (destination.Length != _layout.TraceCount)
            {
                throw new ArgumentException("Expected " + Text(_layout.TraceCount) + " traces, got " + Text(destination.Length) + ".", nameof(destination));
            }

            for (var c = 0; c < _layout.CellCount; c++)
            {
                _dSdwIn[c].CopyTo(destination.Slice(_layout.InputGateTraceOffset(c), _dSdwIn[c].Length));
                _dSdwC[c].CopyTo(destination.Slice(_layout.CellTraceOffset(c), _dSdwC[c].Length));
                if (_dSdwPhi[c].Length > 0)
                {
                    _dSdwPhi[c].CopyTo(destination.Slice(_layout.ForgetGateTraceOffset(c), _dSdwPhi[c].Length));
                }
            }
        }

        /// <inheritdoc/>
        public void Reset()
        {
            // "All activations are reset to zero at the beginning of a new sequence" (§5.3); s_c(0) = 0 (Eq. 9);
            // the traces ∂s/∂w follow from s(0) = 0 (extraction §1.3). A spec's resetActivation other than 0 starts the
            // activations of the hidden units (cells, input gates, output gates) and of the outputs at that value instead,
            // as the 1997 JKU simulator's reset_net does (Yk_mod_new = Yk_mod_old = Yc = 0.5; S and the traces SI, SC 0).
            Array.Fill(_yHiddenPrevious, Spec.ResetActivation);
            Array.Clear(_sC);
            Array.Fill(_yK, Spec.ResetActivation);
            for (var c = 0; c < _layout.CellCount; c++)
            {
                Array.Clear(_dSdwIn[c]);
                Array.Clear(_dSdwC[c]);
                Array.Clear(_dSdwPhi[c]);
            }
        }

        /// <inheritdoc/>
        public void Step(ReadOnlySpan<double> input, Span<double> output)
        {
            CheckShapes(input, ReadOnlySpan<double>.Empty, output);
            var step = Forward(input);
            Finish(step, output);
        }

        /// <inheritdoc/>
        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output)
        {
            CheckShapes(input, target, output);
            var step = Forward(input);
            UpdateTraces(step);
            if (!target.IsEmpty)
            {
                var deltaW = WeightChanges(step, target);

                // "Each weight's total update is the sum of the contributions of all time steps" (App. A.1): either
                // applied now, or summed and applied at the end of the sequence (extraction §2.4).
                var destination = Update == UpdateTiming.PerStep ? _w : _pendingDeltaW;
                for (var i = 0; i < deltaW.Length; i++)
                {
                    destination[i] += deltaW[i];
                }
            }

            Finish(step, output);
        }

        /// <inheritdoc/>
        public void EndSequence()
        {
            if (Update == UpdateTiming.PerSequence)
            {
                for (var i = 0; i < _w.Length; i++)
                {
                    _w[i] += _pendingDeltaW[i];
                }

                Array.Clear(_pendingDeltaW);
            }
        }

        /// <summary>The forward pass of step t (Eqs. 7-9 and the output equation, in the processing order of §5).</summary>
        private StepValues Forward(ReadOnlySpan<double> input)
        {
            var x = input.ToArray();
            var yPrevious = _yHiddenPrevious;
            var step = new StepValues(_layout, x);

            for (var j = 0; j < _layout.BlockCount; j++)
            {
                // Input gate: net_in_j(t) = Σ_m w_in_j,m y^m(t−1);  y^in_j(t) = f(net_in_j(t))   (Eq. 7). With peepholes
                // (Gers & Schmidhuber 2000; Gers, Schraudolph & Schmidhuber 2002) the sources include the block's states
                // s_c(t−1) (_sC before this block's update), each through its own weight.
                step.SourcesIn[j] = Sources(_layout.InputGateFanIn(j), x, yPrevious, _sC);
                step.NetIn[j] = NetInput(_layout.InputGateFanIn(j), step.SourcesIn[j]);
                step.YIn[j] = F(step.NetIn[j]);
                step.YHidden[_layout.InputGateIndex(j)] = step.YIn[j];

                // Forget gate (Gers 2000): net_φ_j(t) = Σ_m w_φ_j,m y^m(t−1);  y^φ_j(t) = f(net_φ_j(t)), reading the input
                // gate's sources. A block without one is the 1997 cell: y^φ = 1, its forget gate fixed open.
                var forgetGate = _layout.ForgetGateFanIn(j);
                if (forgetGate != null)
                {
                    step.SourcesPhi[j] = Sources(forgetGate, x, yPrevious, _sC);
                    step.NetPhi[j] = NetInput(forgetGate, step.SourcesPhi[j]!);
                    step.YPhi[j] = F(step.NetPhi[j]);
                }
                else
                {
                    step.YPhi[j] = 1.0;
                }

                // Output gate: net_out_j(t) = Σ_m w_out_j,m y^m(t−1);  y^out_j(t) = f(net_out_j(t))   (Eq. 8).
                // A block without one (Exps 2a, 2b: "no og") passes h(s) through: y^out = 1. With peepholes it reads
                // s_c(t) and is computed after the states (below).
                var outputGate = _layout.OutputGateFanIn(j);
                var peepholes = Spec.Blocks[j].HasPeepholes;
                if (outputGate != null && !peepholes)
                {
                    var sourcesOut = Sources(outputGate, x, yPrevious, _sC);
                    step.SourcesOut[j] = sourcesOut;
                    step.NetOut[j] = NetInput(outputGate, sourcesOut);
                    step.YOut[j] = F(step.NetOut[j]);
                    step.YHidden[_layout.OutputGateIndex(j)] = step.YOut[j];
                }
                else if (outputGate == null)
                {
                    step.YOut[j] = 1.0;
                }

                for (var v = 0; v < _layout.BlockSize(j); v++)
                {
                    var c = _layout.CellIndex(j, v);
                    var cellRow = _layout.CellFanIn(j, v);

                    // Cell input: net_c(t) = Σ_m w_c,m y^m(t−1)   (Eq. 9)
                    step.SourcesC[c] = Sources(cellRow, x, yPrevious, _sC);
                    step.NetC[c] = NetInput(cellRow, step.SourcesC[c]);

                    // The CEC: s_c(t) = s_c(t−1) + y^in_j(t) g(net_c(t))   (Eq. 9); with a forget gate (Gers 2000)
                    // s_c(t) = y^φ_j(t) s_c(t−1) + y^in_j(t) g(net_c(t)).
                    step.SPrevious[c] = _sC[c];
                    _sC[c] = forgetGate != null
                        ? (step.YPhi[j] * _sC[c]) + (step.YIn[j] * G(Spec.CellInput, step.NetC[c]))
                        : _sC[c] + (step.YIn[j] * G(Spec.CellInput, step.NetC[c]));
                }

                // Output gate with peepholes (Gers 2002): net_out_j(t) = Σ_m w_out_j,m y^m(t−1) + Σ_v w_out_j,c_v s_c_v(t),
                // the states after this step's update;  y^out_j(t) = f(net_out_j(t)).
                if (outputGate != null && peepholes)
                {
                    var sourcesOut = Sources(outputGate, x, yPrevious, _sC);
                    step.SourcesOut[j] = sourcesOut;
                    step.NetOut[j] = NetInput(outputGate, sourcesOut);
                    step.YOut[j] = F(step.NetOut[j]);
                    step.YHidden[_layout.OutputGateIndex(j)] = step.YOut[j];
                }

                for (var v = 0; v < _layout.BlockSize(j); v++)
                {
                    // Cell output: y^c(t) = y^out_j(t) h(s_c(t))   (Eq. 9)
                    var c = _layout.CellIndex(j, v);
                    step.YHidden[c] = step.YOut[j] * H(Spec.CellOutput, _sC[c]);
                }
            }

            // Output units: net_k(t) = Σ_m w_km y^m, over this step's cell outputs y^c(t) (and x(t) under 'B');
            // y^k(t) = f(net_k(t))   (output equation of App. A.1, processing order of §5)
            for (var k = 0; k < Spec.OutputCount; k++)
            {
                var outputRow = _layout.OutputFanIns[k];
                step.SourcesK[k] = Sources(outputRow, x, step.YHidden, _sC);
                step.NetK[k] = NetInput(outputRow, step.SourcesK[k]);
                _yK[k] = F(step.NetK[k]);
            }

            return step;
        }

        /// <summary>
        /// The truncated forward-mode derivatives of step t, updated before they are used (extraction §3.8).
        /// Truncation (Eqs. 12-14) leaves only these two kinds; no error flows back through y(t−1).
        /// </summary>
        private void UpdateTraces(StepValues step)
        {
            for (var j = 0; j < _layout.BlockCount; j++)
            {
                var fPrimeIn = FPrime(step.NetIn[j]);

                // With a forget gate every trace of the block's cells decays by y^φ_j(t) (Gers 2000: ∂s_c(t)/∂w =
                // y^φ_j(t) ∂s_c(t−1)/∂w + ...); without one y^φ = 1 and the 1997 equations stand as written.
                var hasForgetGate = _layout.ForgetGateFanIn(j) != null;
                var yPhi = step.YPhi[j];
                for (var v = 0; v < _layout.BlockSize(j); v++)
                {
                    var c = _layout.CellIndex(j, v);
                    var g = G(Spec.CellInput, step.NetC[c]);
                    var gPrime = GPrime(Spec.CellInput, step.NetC[c]);

                    // ∂s_c(t)/∂w_in_j,m = ∂s_c(t−1)/∂w_in_j,m + g(net_c(t)) f'_in_j(net_in_j(t)) y^m(t−1)   (Eq. 25)
                    var dSdwIn = _dSdwIn[c];
                    for (var m = 0; m < dSdwIn.Length; m++)
                    {
                        var previous = hasForgetGate ? dSdwIn[m] * yPhi : dSdwIn[m];
                        dSdwIn[m] = previous + (g * fPrimeIn * step.SourcesIn[j][m]);
                    }

                    // ∂s_c(t)/∂w_φ_j,m = ∂s_c(t−1)/∂w_φ_j,m y^φ_j(t) + s_c(t−1) f'_φ_j(net_φ_j(t)) y^m(t−1)   (Gers 2000)
                    var dSdwPhi = _dSdwPhi[c];
                    if (hasForgetGate)
                    {
                        var fPrimePhi = FPrime(step.NetPhi[j]);
                        for (var m = 0; m < dSdwPhi.Length; m++)
                        {
                            dSdwPhi[m] = (dSdwPhi[m] * yPhi) + (step.SPrevious[c] * fPrimePhi * step.SourcesPhi[j]![m]);
                        }
                    }

                    // ∂s_c(t)/∂w_c,m = ∂s_c(t−1)/∂w_c,m + g'(net_c(t)) y^in_j(t) y^m(t−1)   (Eq. 27)
                    var dSdwC = _dSdwC[c];
                    for (var m = 0; m < dSdwC.Length; m++)
                    {
                        var previous = hasForgetGate ? dSdwC[m] * yPhi : dSdwC[m];
                        dSdwC[m] = previous + (gPrime * step.YIn[j] * step.SourcesC[c][m]);
                    }
                }
            }
        }

        /// <summary>The error signals of a step with a target and the weight changes Δw_lm(t) they give (Eqs. 19-28).</summary>
        private double[] WeightChanges(StepValues step, ReadOnlySpan<double> target)
        {
            var alpha = LearningRate;
            var deltaW = new double[_w.Length];

            // e_k(t) = f'_k(net_k(t)) (t^k(t) − y^k(t))   (Eq. 19; no factor 2: it is absorbed into α)
            var eK = new double[Spec.OutputCount];
            for (var k = 0; k < Spec.OutputCount; k++)
            {
                eK[k] = FPrime(step.NetK[k]) * (target[k] - _yK[k]);
            }

            // The output error reaching each cell output: Σ_k w_k,c e_k(t) (the common factor of Eqs. 21 and 23),
            // with the weights as they are before this step's change.
            var backC = new double[_layout.CellCount];
            for (var c = 0; c < _layout.CellCount; c++)
            {
                for (var k = 0; k < Spec.OutputCount; k++)
                {
                    var wKC = WeightIndexFrom(_layout.OutputFanIns[k], SourceRegion.Hidden, c);
                    if (wKC >= 0)
                    {
                        backC[c] += _w[wKC] * eK[k];
                    }
                }
            }

            // Δw_km(t) = α e_k(t) y^m   (Eq. 22, l = k; y^m = this step's cell outputs, inputs under 'B', bias 1)
            for (var k = 0; k < Spec.OutputCount; k++)
            {
                AddToRow(deltaW, _layout.OutputFanIns[k], alpha * eK[k], step.SourcesK[k]);
            }

            for (var j = 0; j < _layout.BlockCount; j++)
            {
                var size = _layout.BlockSize(j);
                var outputGate = _layout.OutputGateFanIn(j);

                // e_s_c(t) = f_out_j(net_out_j(t)) h'(s_c(t)) Σ_k w_k,c e_k(t)   (Eq. 23; f_out = 1 without an output gate)
                var eS = new double[size];
                for (var v = 0; v < size; v++)
                {
                    var c = _layout.CellIndex(j, v);
                    eS[v] = step.YOut[j] * HPrime(Spec.CellOutput, _sC[c]) * backC[c];
                }

                if (outputGate != null)
                {
                    // e_out_j(t) = f'_out_j(net_out_j(t)) Σ_v h(s_c_j^v(t)) Σ_k w_k,c_j^v e_k(t)   (Eq. 21)
                    var sum = 0.0;
                    for (var v = 0; v < size; v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        sum += H(Spec.CellOutput, _sC[c]) * backC[c];
                    }

                    var eOut = FPrime(step.NetOut[j]) * sum;

                    // Δw_out_j,m(t) = α e_out_j(t) y^m(t−1)   (Eq. 22, l = out_j)
                    AddToRow(deltaW, outputGate, alpha * eOut, step.SourcesOut[j]!);
                }

                // Δw_in_j,m(t) = α Σ_v e_s_c_j^v(t) ∂s_c_j^v(t)/∂w_in_j,m   (Eq. 26)
                var inputGate = _layout.InputGateFanIn(j);
                for (var v = 0; v < size; v++)
                {
                    var c = _layout.CellIndex(j, v);
                    for (var m = 0; m < inputGate.Length; m++)
                    {
                        deltaW[inputGate.Offset + m] += alpha * eS[v] * _dSdwIn[c][m];
                    }
                }

                // Δw_φ_j,m(t) = α Σ_v e_s_c_j^v(t) ∂s_c_j^v(t)/∂w_φ_j,m   (Gers 2000; as Eq. 26)
                var forgetGate = _layout.ForgetGateFanIn(j);
                if (forgetGate != null)
                {
                    for (var v = 0; v < size; v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        for (var m = 0; m < forgetGate.Length; m++)
                        {
                            deltaW[forgetGate.Offset + m] += alpha * eS[v] * _dSdwPhi[c][m];
                        }
                    }
                }

                // Δw_c,m(t) = α e_s_c(t) ∂s_c(t)/∂w_c,m   (Eq. 28)
                for (var v = 0; v < size; v++)
                {
                    var c = _layout.CellIndex(j, v);
                    var cellRow = _layout.CellFanIn(j, v);
                    for (var m = 0; m < cellRow.Length; m++)
                    {
                        deltaW[cellRow.Offset + m] += alpha * eS[v] * _dSdwC[c][m];
                    }
                }
            }

            return deltaW;
        }

        /// <summary>y(t) becomes y(t−1) of the next step; the outputs are handed out.</summary>
        private void Finish(StepValues step, Span<double> output)
        {
            _yHiddenPrevious = step.YHidden;
            for (var k = 0; k < output.Length; k++)
            {
                output[k] = _yK[k];
            }
        }

        /// <summary>
        /// The activations y^m that the weights of <paramref name="row"/> multiply, in row order (weight
        /// row.Offset + m reads source m): inputs x(t), hidden activations (y(t−1) for gates and cells, y(t) for
        /// outputs), the cell states a gate reads through peepholes (Gers 2002: s_c(t−1) for the input and forget gates,
        /// s_c(t) for the output gate, as <paramref name="states"/> holds them when the gate is computed), and the constant 1
        /// of the bias. The truncated-RTRL rule of Gers 2002 uses these as the peephole weights' source activations.
        /// </summary>
        private static double[] Sources(FanIn row, double[] x, double[] hidden, double[] states)
        {
            var sources = new double[row.Length];
            foreach (var segment in row.Segments)
            {
                var region = segment.Region == SourceRegion.Input ? x : segment.Region == SourceRegion.CellState ? states : hidden;
                for (var i = 0; i < segment.Count; i++)
                {
                    sources[segment.WeightOffset - row.Offset + i] = region[segment.SourceStart + i];
                }
            }

            if (row.HasBias)
            {
                sources[row.BiasOffset - row.Offset] = 1.0;
            }

            return sources;
        }

        /// <summary>net_l = Σ_m w_lm y^m over the row's sources.</summary>
        private double NetInput(FanIn row, double[] sources)
        {
            var net = 0.0;
            for (var m = 0; m < row.Length; m++)
            {
                net += _w[row.Offset + m] * sources[m];
            }

            return net;
        }

        /// <summary>Δw_lm += factor · y^m over one row.</summary>
        private static void AddToRow(double[] deltaW, FanIn row, double factor, double[] sources)
        {
            for (var m = 0; m < row.Length; m++)
            {
                deltaW[row.Offset + m] += factor * sources[m];
            }
        }

        /// <summary>The index of the weight of <paramref name="row"/> that reads source <paramref name="source"/>, or −1.</summary>
        private static int WeightIndexFrom(FanIn row, SourceRegion region, int source)
        {
            foreach (var segment in row.Segments)
            {
                if (segment.Region == region && source >= segment.SourceStart && source < segment.SourceStart + segment.Count)
                {
                    return segment.WeightOffset + (source - segment.SourceStart);
                }
            }

            return -1;
        }

        private void CheckShapes(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output)
        {
            if (input.Length != Spec.InputCount)
            {
                throw new ArgumentException("Expected " + Text(Spec.InputCount) + " inputs, got " + Text(input.Length) + ".", nameof(input));
            }

            if (!target.IsEmpty && target.Length != Spec.OutputCount)
            {
                throw new ArgumentException("Expected " + Text(Spec.OutputCount) + " targets or none, got " + Text(target.Length) + ".", nameof(target));
            }

            if (!output.IsEmpty && output.Length != Spec.OutputCount)
            {
                throw new ArgumentException("Expected room for " + Text(Spec.OutputCount) + " outputs or none, got " + Text(output.Length) + ".", nameof(output));
            }
        }

        private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Everything step t computes that the learning rule needs, named as the paper names it.</summary>
        private sealed class StepValues
        {
            public StepValues(NetworkLayout layout, double[] x)
            {
                X = x;
                YHidden = new double[layout.HiddenCount];
                NetIn = new double[layout.BlockCount];
                YIn = new double[layout.BlockCount];
                NetOut = new double[layout.BlockCount];
                YOut = new double[layout.BlockCount];
                NetC = new double[layout.CellCount];
                NetK = new double[layout.OutputCount];
                SourcesIn = new double[layout.BlockCount][];
                SourcesOut = new double[layout.BlockCount][];
                SourcesC = new double[layout.CellCount][];
                SourcesK = new double[layout.OutputCount][];
                NetPhi = new double[layout.BlockCount];
                YPhi = new double[layout.BlockCount];
                SourcesPhi = new double[layout.BlockCount][];
                SPrevious = new double[layout.CellCount];
            }

            /// <summary>net_φ_j(t) (Gers 2000); unused for blocks without a forget gate.</summary>
            public double[] NetPhi { get; }

            /// <summary>y^φ_j(t) (Gers 2000); 1 for blocks without a forget gate.</summary>
            public double[] YPhi { get; }

            /// <summary>The sources y^m of each forget gate row (null for blocks without one).</summary>
            public double[]?[] SourcesPhi { get; }

            /// <summary>s_c(t−1), the states before this step's update.</summary>
            public double[] SPrevious { get; }

            /// <summary>x(t).</summary>
            public double[] X { get; }

            /// <summary>y(t): cells, input gates, output gates, in layout order.</summary>
            public double[] YHidden { get; }

            /// <summary>net_in_j(t) (Eq. 7).</summary>
            public double[] NetIn { get; }

            /// <summary>y^in_j(t) (Eq. 7).</summary>
            public double[] YIn { get; }

            /// <summary>net_out_j(t) (Eq. 8); unused for blocks without an output gate.</summary>
            public double[] NetOut { get; }

            /// <summary>y^out_j(t) (Eq. 8); 1 for blocks without an output gate.</summary>
            public double[] YOut { get; }

            /// <summary>net_c(t) per cell (Eq. 9).</summary>
            public double[] NetC { get; }

            /// <summary>net_k(t) per output unit.</summary>
            public double[] NetK { get; }

            /// <summary>The sources y^m of each input gate row.</summary>
            public double[][] SourcesIn { get; }

            /// <summary>The sources y^m of each output gate row (null for blocks without one).</summary>
            public double[]?[] SourcesOut { get; }

            /// <summary>The sources y^m of each cell input row.</summary>
            public double[][] SourcesC { get; }

            /// <summary>The sources y^m of each output unit row.</summary>
            public double[][] SourcesK { get; }
        }
    }
}

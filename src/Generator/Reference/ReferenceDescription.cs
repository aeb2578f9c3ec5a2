using System;
using System.Collections.Generic;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using LstmGen.Runtime;
using ModelUpdateTiming = LstmGen.Generator.Model.UpdateTiming;
using UpdateTiming = LstmGen.Runtime.UpdateTiming;

namespace LstmGen.Reference
{
    /// <summary>
    /// The <see cref="NetworkDescription"/> of a parsed spec, read off its <see cref="NetworkLayout"/> (units, fan-ins,
    /// traces, names) and, for the state, off the plan of the class the generator would compile from it: what a compiled
    /// class of the same spec returns, so that code reads one type whichever network it holds.
    /// </summary>
    public static class ReferenceDescription
    {
        public static NetworkDescription Of(NetworkSpec spec, NetworkLayout layout)
        {
            ArgumentNullException.ThrowIfNull(spec);
            ArgumentNullException.ThrowIfNull(layout);
            var blocks = new List<BlockDescription>();
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var block = spec.Blocks[j];
                var outputGate = layout.OutputGateFanIn(j);
                var forgetGate = layout.ForgetGateFanIn(j);
                blocks.Add(new BlockDescription(
                    block.Cells,
                    block.HasOutputGate,
                    layout.InputGateFanIn(j).HasBias && !block.InputGateBias.IsRandom ? block.InputGateBias.Value : null,
                    outputGate != null && outputGate.HasBias && !block.OutputGateBias.IsRandom ? block.OutputGateBias.Value : null,
                    forgetGate != null,
                    forgetGate != null && forgetGate.HasBias && !block.ForgetGateBias.IsRandom ? block.ForgetGateBias.Value : null,
                    block.HasPeepholes));
            }

            var hiddenNames = new List<string>();
            for (var i = 0; i < layout.HiddenCount; i++)
            {
                hiddenNames.Add(layout.HiddenUnitName(i));
            }

            var fanIns = new List<FanInDescription>();
            foreach (var fanIn in layout.FanIns)
            {
                var runs = new List<SourceRun>();
                foreach (var segment in fanIn.Segments)
                {
                    runs.Add(new SourceRun(segment.Region == SourceRegion.Input ? SourceUnits.Inputs : segment.Region == SourceRegion.CellState ? SourceUnits.CellStates : SourceUnits.Hidden, segment.SourceStart, segment.Count, segment.WeightOffset));
                }

                fanIns.Add(new FanInDescription(Kind(fanIn.Kind), fanIn.Block, fanIn.Cell, fanIn.Output, fanIn.Offset, fanIn.Length, fanIn.HasBias, fanIn.UnitName, runs));
            }

            var traces = new List<CellTraces>();
            for (var j = 0; j < layout.BlockCount; j++)
            {
                for (var v = 0; v < layout.BlockSize(j); v++)
                {
                    var c = layout.CellIndex(j, v);
                    traces.Add(new CellTraces(
                        layout.InputGateTraceOffset(c),
                        layout.InputGateFanIn(j).Length,
                        layout.CellTraceOffset(c),
                        layout.CellFanIn(j, v).Length,
                        layout.ForgetGateTraceOffset(c),
                        layout.ForgetGateFanIn(j)?.Length ?? 0));
                }
            }

            var state = new List<StatePart>();
            var realBytes = spec.Precision == Precision.Float ? sizeof(float) : sizeof(double);
            foreach (var group in NetworkPlanner.Plan(spec).State)
            {
                foreach (var array in group.Arrays)
                {
                    var bytes = array.Element == StateElement.Real ? realBytes : array.Element == StateElement.Int ? sizeof(int) : sizeof(bool);
                    state.Add(new StatePart(array.Name, array.Holds, array.IsScalar ? 1 : array.Length.Value, bytes));
                }
            }

            var c0 = spec.Connectivity;
            var connectivity = new ConnectivityDescription(
                c0.Kind switch
                {
                    ConnectivityKind.Full => ConnectivityPattern.Full,
                    ConnectivityKind.Layered => ConnectivityPattern.Layered,
                    _ => ConnectivityPattern.Custom,
                },
                Sources(c0.CellInputs),
                Sources(c0.InputGates),
                Sources(c0.OutputGates),
                Sources(c0.Outputs & (SourceSet.Input | SourceSet.Cells)));

            return new NetworkDescription(
                spec.TypeName,
                spec.FullTypeName,
                spec.SpecFileName,
                spec.Description,
                spec.InputCount,
                spec.OutputCount,
                blocks,
                connectivity,
                spec.Bias switch
                {
                    BiasPolicy.None => BiasedUnits.None,
                    BiasPolicy.Gates => BiasedUnits.Gates,
                    BiasPolicy.Hidden => BiasedUnits.Hidden,
                    _ => BiasedUnits.All,
                },
                spec.CellInput switch
                {
                    CellInputSquash.G2 => CellInputSquashing.G2,
                    CellInputSquash.G1 => CellInputSquashing.G1,
                    _ => CellInputSquashing.Identity,
                },
                spec.CellOutput == CellOutputSquash.H1 ? CellOutputSquashing.H1 : CellOutputSquashing.Identity,
                spec.InitInterval,
                spec.LearningRate,
                spec.Update == ModelUpdateTiming.PerStep ? UpdateTiming.PerStep : UpdateTiming.PerSequence,
                spec.Precision == Precision.Float ? NumberPrecision.Float : NumberPrecision.Double,
                spec.InputEncoding switch
                {
                    InputEncoding.OneHot => InputCoding.OneHot,
                    InputEncoding.Sparse => InputCoding.Sparse,
                    _ => InputCoding.Dense,
                },
                hiddenNames,
                fanIns,
                traces,
                state)
            {
                ResetActivation = spec.ResetActivation,
            };
        }

        // A new kind of unit needs its FanInKind in the runtime and its case here.
        private static FanInKind Kind(UnitKind kind) => kind switch
        {
            UnitKind.InputGate => FanInKind.InputGate,
            UnitKind.ForgetGate => FanInKind.ForgetGate,
            UnitKind.OutputGate => FanInKind.OutputGate,
            UnitKind.CellInput => FanInKind.CellInput,
            UnitKind.Output => FanInKind.Output,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no FanInKind for this kind of unit"),
        };

        private static ConnectedSources Sources(SourceSet sources)
        {
            var result = ConnectedSources.None;
            if ((sources & SourceSet.Input) != 0)
            {
                result |= ConnectedSources.Input;
            }

            if ((sources & SourceSet.Cells) != 0)
            {
                result |= ConnectedSources.Cells;
            }

            if ((sources & SourceSet.InputGates) != 0)
            {
                result |= ConnectedSources.InputGates;
            }

            if ((sources & SourceSet.OutputGates) != 0)
            {
                result |= ConnectedSources.OutputGates;
            }

            return result;
        }
    }
}

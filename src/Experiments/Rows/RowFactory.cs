using System;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;

namespace LstmGen.Experiments.Rows
{
    /// <summary>Makes the runnable row (a protocol of src/Experiments/Harness) that a row file declares.</summary>
    public static class RowFactory
    {
        public static ExperimentRow Create(RowDefinition definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var task = definition.Task;
            var parameters = definition.TaskParameters;
            var stop = definition.StopParameters;
            switch (definition.Stop.Protocol)
            {
                case RowProtocol.ReberDataSets:
                    return new ReberRow(definition.Settings, () => (EmbeddedReberTask)task.Create(parameters), stop.Integer("checkEvery"));

                case RowProtocol.ContinualStreams:
                    return new ContinualReberRow(definition.Settings, () => (ContinualEmbeddedReberTask)task.Create(parameters),
                        stop.Integer("testStreams"), stop.Integer("testStreamSymbols"), stop.Integer("trainingStreamSymbols"));

                case RowProtocol.NoiseSignalTests:
                    return new NoiseSignalRow(definition.Settings, () => (NoiseSignalTask)task.Create(parameters),
                        stop.Integer("st1MaxWrong"), stop.Number("st2MeanError"), stop.Integer("checkEvery"), definition.TestSetSize);

                default:
                    var rule = definition.Stop.StreamRule!(stop);
                    return new StreamRow(definition.Settings, () => task.Create(parameters), rule, definition.TestSetSize, definition.SequentialConstruction);
            }
        }
    }
}

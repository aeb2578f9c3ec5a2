using System;
using System.Collections.Generic;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Samples a trial's running training error at most <see cref="MaxPoints"/> times, whatever the trial's length: when
    /// the buffer fills, every other point is dropped and the stride doubles.
    /// </summary>
    public sealed class LearningCurve
    {
        public const int MaxPoints = 256;

        private readonly List<CurvePoint> _points = new();
        private long _stride;

        public LearningCurve(long initialStride = 100)
        {
            _stride = initialStride;
        }

        public IReadOnlyList<CurvePoint> Points => _points;

        public void Observe(long sequences, double error)
        {
            if (sequences % _stride != 0)
            {
                return;
            }

            _points.Add(new CurvePoint(sequences, error));
            if (_points.Count >= MaxPoints)
            {
                _stride *= 2;
                _points.RemoveAll(p => p.Sequences % _stride != 0);
            }
        }

        /// <summary>Writes the stride and the points, for a checkpoint.</summary>
        public void WriteState(CheckpointWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteInt64(_stride);
            writer.WriteInt32(_points.Count);
            foreach (var point in _points)
            {
                writer.WriteInt64(point.Sequences);
                writer.WriteDouble(point.Error);
            }
        }

        /// <summary>Replaces the curve by what <see cref="WriteState"/> wrote.</summary>
        public void ReadState(CheckpointReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var stride = reader.ReadInt64();
            if (stride <= 0)
            {
                throw new CheckpointException("malformed checkpoint: the learning curve's stride is not positive");
            }

            var count = reader.ReadCount("the learning curve's point count", MaxPoints);
            _points.Clear();
            for (var i = 0; i < count; i++)
            {
                var sequences = reader.ReadInt64();
                _points.Add(new CurvePoint(sequences, reader.ReadDouble()));
            }

            _stride = stride;
        }
    }
}

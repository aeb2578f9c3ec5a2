using System.Collections.Generic;

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
    }
}

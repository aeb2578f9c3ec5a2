using LstmGen.Experiments.Sharding;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// <see cref="LaneSimulation"/>: a row's wall time on lane networks as the runner schedules it. Trials are (seconds
    /// alone, CPU share in a full lane network); a lane network's trial moves at 1 / (K × share) of its work per second.
    /// </summary>
    public sealed class LaneSimulationTests
    {
        [Fact]
        public void A_full_lane_network_that_keeps_its_trials_takes_K_times_a_trials_share()
        {
            var trials = Same(8, alone: 10, share: 2);
            Assert.Equal(16, LaneSimulation.Row(trials, cores: 1, lanes: 8, below: 0), 9);

            // Every trial handed over at once (below ∞, no trial left to start): one core runs them one after another.
            Assert.Equal(80, LaneSimulation.Row(trials, cores: 1, lanes: 8, below: double.PositiveInfinity), 9);
        }

        [Fact]
        public void Lanes_take_the_next_trials_as_theirs_end_and_a_thin_network_hands_its_tail_over()
        {
            // K = 2 on one core: trials 0 and 1 end at 2 s, then trial 2 alone in the lane network ends at 4 s; handed over
            // (one busy lane, below 2) it runs alone at 4 s per trial and ends at 6 s.
            var trials = Same(3, alone: 4, share: 1);
            Assert.Equal(4, LaneSimulation.Row(trials, cores: 1, lanes: 2, below: 0), 9);
            Assert.Equal(6, LaneSimulation.Row(trials, cores: 1, lanes: 2, below: 2), 9);
        }

        [Fact]
        public void An_idle_core_takes_trials_over()
        {
            // Two trials, K = 8, two cores: one lane network; the second core takes trial 0 (alone: 10 s) while trial 1
            // moves at 1/16 per second in its lane; at 10 s the idle core takes trial 1 over, with 6/16 of it left: 3.75 s.
            var trials = Same(2, alone: 10, share: 2);
            Assert.Equal(13.75, LaneSimulation.Row(trials, cores: 2, lanes: 8, below: 0), 9);

            // With below 2, the lane network, down to one trial after the first was taken, hands it over at once.
            Assert.Equal(10, LaneSimulation.Row(trials, cores: 2, lanes: 8, below: 2), 9);
        }

        private static (double Scalar, double Lane)[] Same(int count, double alone, double share)
        {
            var trials = new (double, double)[count];
            for (var i = 0; i < count; i++)
            {
                trials[i] = (alone, share);
            }

            return trials;
        }
    }
}

using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// When a lane network hands the trials of a row's tail over to scalar networks, and where they go
    /// (<see cref="LaneScheduler"/>, "The tail of a row").
    /// </summary>
    /// <param name="Below">Busy lanes below which, once the row has no trial left to start, the lane network's trials leave
    /// it: the lane step's cost in scalar steps (K times a lane's cost over a scalar network's, <see cref="Sharding.CostModel"/>).
    /// 0: only to a thread that waits for work.</param>
    /// <param name="NewNetwork">A fresh scalar network of the row's spec.</param>
    /// <param name="To">The run's handed-over trials, which its threads take.</param>
    public sealed record LaneHandOver(double Below, Func<ILstmNetwork> NewNetwork, HandedOverTrials To);
}

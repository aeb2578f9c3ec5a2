using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Runtime.Checkpoints;
using Xunit;
using Xunit.Abstractions;
using static LstmGen.Runtime.Tests.Checkpoints.CheckpointFiles;

namespace LstmGen.Runtime.Tests.Checkpoints
{
    /// <summary>
    /// A real writer process (tests/LstmGen.CheckpointWriter) saving checkpoints in a loop is killed (SIGKILL: no
    /// cleanup, no finally) at random moments; every time, the file it leaves loads cleanly and holds one whole generation
    /// of weights, at least as new as the last one it reported saved.
    /// </summary>
    public sealed class KilledWriterTests
    {
        private const string Network = "Exp4Adding";
        private const int Kills = 6;
        private readonly ITestOutputHelper _output;

        public KilledWriterTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void A_writer_killed_at_random_moments_always_leaves_a_whole_checkpoint()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("killed.ckpt");
            var random = new Random(20261117);
            var leftovers = 0;
            for (var kill = 0; kill < Kills; kill++)
            {
                var (reported, killedAfter) = RunAndKill(path, random.Next(1, 40), random.Next(0, 8));

                var network = Paper(Network, 1);
                WeightsCheckpoint.Load(network, path);
                var weights = Weights(network);
                var generation = (long)weights[0];
                var expected = new double[weights.Length];
                for (var i = 0; i < expected.Length; i++)
                {
                    expected[i] = generation + (i / 1024.0);
                }

                AssertSameBits(expected, weights);
                Assert.True(generation >= reported, $"the file holds generation {generation}, older than generation {reported}, reported saved");
                leftovers += Directory.GetFiles(directory.Path).Count(AtomicFile.IsTemporary);
                AtomicFile.DeleteTemporaries(path);
                _output.WriteLine($"kill {kill}: after {killedAfter:F1} ms, {reported} saves reported, file holds generation {generation}");
            }

            _output.WriteLine($"{leftovers} kills left a temporary file behind");
        }

        /// <summary>Starts the writer, waits for <paramref name="saves"/> reported saves and a few ms more, kills it.</summary>
        private static (long Reported, double KilledAfterMs) RunAndKill(string path, int saves, int extraMilliseconds)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(WriterAssembly());
            start.ArgumentList.Add(path);
            start.ArgumentList.Add(Network);
            start.ArgumentList.Add("30");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the writer did not start");
            var watch = Stopwatch.StartNew();
            long reported = 0;
            try
            {
                while (reported < saves)
                {
                    var line = process.StandardOutput.ReadLine()
                        ?? throw new InvalidOperationException("the writer stopped on its own: " + process.StandardError.ReadToEnd());
                    reported = long.Parse(line, CultureInfo.InvariantCulture);
                }

                // Land somewhere inside a later save: between creating the temporary file, writing it, flushing it to
                // disk and renaming it.
                var until = watch.Elapsed.TotalMilliseconds + extraMilliseconds + (Random.Shared.NextDouble() * 2);
                while (watch.Elapsed.TotalMilliseconds < until)
                {
                    Thread.SpinWait(50);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            return (reported, watch.Elapsed.TotalMilliseconds);
        }

        private static string WriterAssembly()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "LstmGen.CheckpointWriter.dll");
            Assert.True(File.Exists(path), "The checkpoint writer is built with this test project (its ProjectReference): " + path);
            return path;
        }

        /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}

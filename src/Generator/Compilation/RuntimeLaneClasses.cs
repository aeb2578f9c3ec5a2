using System;
using LstmGen.Generator;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Plan;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;

namespace LstmGen.Compilation
{
    /// <summary>
    /// The lane classes of a spec compiled at run time (<see cref="CompiledNetwork.CreateLanes"/>): the lane class of a
    /// width is emitted by the generator's core (the lane printer a build runs) and compiled only when the harness first
    /// asks for lanes at that width, usually only the widest width the machine accelerates, so that a spec that is
    /// never run in lanes (trace, bench of the scalar class, one trial) does not pay for it. Each width is compiled once,
    /// into an assembly of its own together with the scalar class (already parsed), whose constants and description the
    /// lane class reads: referencing the scalar class's assembly instead would make a paper spec's class ambiguous with
    /// the one compiled into the runtime. The assembly is loaded into the spec's load context.
    /// </summary>
    internal sealed class RuntimeLaneClasses
    {
        private readonly NetworkPlan _plan;
        private readonly string _specPath;
        private readonly string _scalarAssemblyName;
        private readonly SyntaxTree _scalarClass;
        private readonly SpecLoadContext _context;
        private readonly Lazy<Func<ILaneNetwork>>[] _factories;
        private readonly TimeSpan[] _compileTimes = new TimeSpan[3];

        public RuntimeLaneClasses(NetworkPlan plan, string specPath, string scalarAssemblyName, SyntaxTree scalarClass, SpecLoadContext context)
        {
            _plan = plan;
            _specPath = specPath;
            _scalarAssemblyName = scalarAssemblyName;
            _scalarClass = scalarClass;
            _context = context;
            _factories = new Lazy<Func<ILaneNetwork>>[3];
            for (var i = 0; i < _factories.Length; i++)
            {
                var width = 128 << i;
                var index = i;
                _factories[i] = new Lazy<Func<ILaneNetwork>>(() =>
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var factory = CompileWidth(width);
                    _compileTimes[index] = clock.Elapsed;
                    return factory;
                });
            }
        }

        /// <summary>A fresh lane network at <paramref name="width"/> (every lane's weights zero); compiles that width's class the first time.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is the scalar width (no lane class: the harness steps scalar networks).</exception>
        public ILaneNetwork Create(LaneWidth width)
        {
            var index = Index(width) ?? throw new ArgumentOutOfRangeException(nameof(width), width, "No lane class at this width; step scalar networks one by one.");
            return _factories[index].Value();
        }

        /// <summary>Whether the lane class of <paramref name="width"/> has been compiled (tests: lanes are compiled lazily).</summary>
        public bool IsCompiled(LaneWidth width) => Index(width) is { } i && _factories[i].IsValueCreated;

        /// <summary>How long emitting and compiling the lane class of <paramref name="width"/> took; null before it was compiled.</summary>
        public TimeSpan? CompileTime(LaneWidth width) => IsCompiled(width) ? _compileTimes[Index(width)!.Value] : null;

        private static int? Index(LaneWidth width) => width switch
        {
            LaneWidth.Vector128 => 0,
            LaneWidth.Vector256 => 1,
            LaneWidth.Vector512 => 2,
            _ => null,
        };

        private Func<ILaneNetwork> CompileWidth(int width)
        {
            var spec = _plan.Spec;
            var (hintName, source) = NetworkEmitter.EmitLanes(_plan, LstmGenVersion.Value, width);
            var assemblyName = _scalarAssemblyName + ".Lanes" + width.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var image = RoslynCompiler.Compile(assemblyName, _specPath, _scalarClass, RoslynCompiler.Parse(hintName, source));
            var type = _context.Load(image).GetType(NetworkEmitter.LanesFullTypeName(spec, width), throwOnError: true)!;
            var constructor = type.GetConstructor(Type.EmptyTypes)
                ?? throw new InvalidOperationException("the lane class generated from '" + _specPath + "' has no parameterless constructor");
            return () => (ILaneNetwork)constructor.Invoke(null);
        }
    }
}

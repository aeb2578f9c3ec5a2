using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The model is the cache boundary (style.md): like System.Text.Json's generator tests, walk every type reachable
    /// from what the pipeline caches (the spec, and the plan the emitted source is printed from) and fail on anything
    /// that compares by reference or pins a compilation.
    /// </summary>
    public sealed class ModelShapeTests
    {
        /// <summary>Types whose values flow between pipeline steps and are compared for caching.</summary>
        public static TheoryData<Type> CachedRoots => new TheoryData<Type>
        {
            typeof(NetworkSpec),
            typeof(NetworkPlan),
            typeof(ParseResult),
            typeof(RegistryEntry),
            typeof(SpecDiagnostic),
        };

        private static readonly Type[] Forbidden =
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Diagnostic), typeof(AdditionalText),
            typeof(Compilation), typeof(SemanticModel),
        };

        private static readonly Type[] ForbiddenGenerics =
        {
            typeof(List<>), typeof(ImmutableArray<>), typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(Dictionary<,>),
        };

        [Theory]
        [MemberData(nameof(CachedRoots))]
        public void Reachable_types_are_equatable_values_only(Type root)
        {
            var problems = new List<string>();
            var seen = new HashSet<Type>();
            Walk(root, root.Name, seen, problems);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            if (root == typeof(ParseResult) || root == typeof(SpecDiagnostic))
            {
                // Diagnostics carry their position as the equatable SourceLocation record, not a Roslyn Location.
                Assert.Contains(typeof(SourceLocation), seen);
            }
        }

        [Fact]
        public void The_walk_reaches_every_model_record()
        {
            var seen = new HashSet<Type>();
            Walk(typeof(NetworkSpec), "NetworkSpec", seen, new List<string>());

            foreach (var expected in new[] { typeof(BlockSpec), typeof(GateBias), typeof(Connectivity), typeof(BiasPolicy), typeof(SourceSet) })
            {
                Assert.Contains(expected, seen);
            }
        }

        [Fact]
        public void The_walk_reaches_every_plan_type()
        {
            // Every record of the plan model, every kind of statement, value and σ group included (through their
            // abstract bases): a new plan type cannot escape the check.
            var seen = new HashSet<Type>();
            Walk(typeof(NetworkPlan), "NetworkPlan", seen, new List<string>());

            var planTypes = typeof(NetworkPlan).Assembly.GetTypes()
                .Where(t => t.Namespace == typeof(NetworkPlan).Namespace && t.IsPublic)
                .ToList();
            Assert.True(planTypes.Count > 30, "too few plan types found: " + planTypes.Count);
            Assert.Empty(planTypes.Where(t => !seen.Contains(t)).Select(t => t.Name));
        }

        [Fact]
        public void The_walk_follows_abstract_records_to_their_subtypes()
        {
            // The check must be able to fail through a base type: a subtype of an abstract record that holds an array.
            var problems = new List<string>();
            Walk(typeof(HoldsBase), "HoldsBase", new HashSet<Type>(), problems);

            Assert.Contains(problems, p => p.Contains("BadDerived", StringComparison.Ordinal) && p.Contains("Array", StringComparison.Ordinal));
        }

        [Fact]
        public void Equal_specs_plan_to_equal_plans()
        {
            const string yaml = "name: A\ninputs: 20\noutputs: 2\nblocks: { count: 2, cells: 3 }\nlearningRate: 0.1\ninputEncoding: one-hot\n";
            var first = NetworkPlanner.Plan(SpecParser.Parse("a.lstm.yaml", yaml).Spec!);
            var second = NetworkPlanner.Plan(SpecParser.Parse("a.lstm.yaml", string.Concat(yaml.ToCharArray())).Spec!);

            Assert.NotSame(first, second);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
            Assert.NotEqual(first, NetworkPlanner.Plan(SpecParser.Parse("a.lstm.yaml", yaml.Replace("cells: 3", "cells: 2")).Spec!));
        }

        [Fact]
        public void The_walk_catches_forbidden_types()
        {
            // The check must be able to fail: a record holding an array, a list and a Location.
            var problems = new List<string>();
            Walk(typeof(BadModel), "BadModel", new HashSet<Type>(), problems);

            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.Contains("Array", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("List`1", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("Location", StringComparison.Ordinal));
        }

        [Fact]
        public void Equal_specs_parsed_twice_are_equal()
        {
            const string yaml = "name: A\ninputs: 2\noutputs: 1\nblocks: { count: 2, inputGateBias: [-1, -2] }\nlearningRate: 0.1\n";
            var first = SpecParser.Parse("a.lstm.yaml", yaml);
            var second = SpecParser.Parse("a.lstm.yaml", string.Concat(yaml.ToCharArray()));

            Assert.NotNull(first.Spec);
            Assert.NotSame(first.Spec, second.Spec);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
            Assert.NotEqual(first.Spec, SpecParser.Parse("a.lstm.yaml", yaml.Replace("-2", "-3")).Spec);
        }

        private static void Walk(Type type, string path, HashSet<Type> seen, List<string> problems)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                type = underlying;
            }

            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
            {
                return;
            }

            if (type.IsArray)
            {
                problems.Add(path + ": " + type.Name + " is an Array (compares by reference)");
                return;
            }

            if (type.IsGenericType && ForbiddenGenerics.Contains(type.GetGenericTypeDefinition()))
            {
                problems.Add(path + ": " + type.Name + " compares by reference");
                return;
            }

            var forbidden = Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type));
            if (forbidden != null)
            {
                problems.Add(path + ": " + type.Name + " is a " + forbidden.Name + " (pins the compilation, breaks caching)");
                return;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                var element = type.GetGenericArguments()[0];
                Walk(element, path + "[]", seen, problems);
                return;
            }

            if (type.IsAbstract)
            {
                // A polymorphic record (a plan's statement, value, σ group): every concrete subtype may stand in its place.
                foreach (var subtype in type.Assembly.GetTypes().Where(t => !t.IsAbstract && type.IsAssignableFrom(t)))
                {
                    Walk(subtype, path + "<" + subtype.Name + ">", seen, problems);
                }
            }

            var isRecord = type.GetMethod("<Clone>$") != null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) != null);
            if (!isRecord)
            {
                problems.Add(path + ": " + type.Name + " is not a record (the model is records all the way down)");
                return;
            }

            var equatable = typeof(IEquatable<>).MakeGenericType(type);
            if (!equatable.IsAssignableFrom(type))
            {
                problems.Add(path + ": " + type.Name + " does not implement IEquatable<" + type.Name + ">");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                if (property.Name == "EqualityContract")
                {
                    continue;
                }

                Walk(property.PropertyType, path + "." + property.Name, seen, problems);
            }
        }

        private sealed record BadModel(int[] Numbers, List<string> Names, Location Where, EquatableArray<string> Fine);

        private sealed record HoldsBase(EquatableArray<BaseRecord> Items);

        private abstract record BaseRecord;

        private sealed record GoodDerived(int Value) : BaseRecord;

        private sealed record BadDerived(double[] Values) : BaseRecord;
    }
}

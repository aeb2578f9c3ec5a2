using Xunit;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>The test classes that share one packing of the packages (<see cref="PackedPackages"/>): it takes minutes.</summary>
    [CollectionDefinition(Name)]
    public sealed class PackedCollection : ICollectionFixture<PackedPackages>
    {
        public const string Name = "Packed packages";
    }
}

using System;

namespace NetGen.Tests;

public sealed class AllocationMeterTests
{
    [Fact]
    public void An_allocation_is_counted_and_none_is_not()
    {
        byte[]? kept = null;
        var allocated = AllocationMeter.BytesAllocatedBy(() => kept = new byte[1000]);
        var nothing = AllocationMeter.BytesAllocatedBy(() => GC.KeepAlive(kept));

        Assert.InRange(allocated, 1000, 2000);
        Assert.Equal(0, nothing);
    }
}

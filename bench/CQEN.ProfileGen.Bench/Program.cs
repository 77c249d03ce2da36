using System.Diagnostics;
using BenchmarkDotNet.Running;
using CQEN.ProfileGen.Bench;

// dotnet run -c Release --project bench/CQEN.ProfileGen.Bench            whole-run figures (the README table)
// dotnet run -c Release --project bench/CQEN.ProfileGen.Bench -- micro   BenchmarkDotNet, in-process parts
// dotnet run -c Release --project bench/CQEN.ProfileGen.Bench -- adoption  sample render (tiered on/off, release
//     binary) and the Action launcher's time to first output line, first run vs cached, side by side
// (child mode, used by the harness itself:  -- child render N)
// dotnet run -c Release --project bench/CQEN.ProfileGen.Bench -- requests  reads and publishes at the request
//     floor (REST vs GraphQL, first publish, unchanged rerun, update) on organizations with every file name
// dotnet run -c Release --project bench/CQEN.ProfileGen.Bench -- costs [N…] [--no-memory|--memory-only]  the
//     organization read under GitHub's cost model (10 s clock, resource limits, 1% READMEs over 512 KB), today's
//     reader beside this one, then both readers' peak memory at 50,000 repositories (bench/README.md)
if (args is ["costs", .. var costSizes])
{
    return await CostModelScenarios.ReportAsync(costSizes);
}
if (args is ["requests", .. var sizes])
{
    return await RequestFloorScenarios.ReportAsync(WholeRunHarness.ChildAsync, sizes);
}
if (args is ["adoption", .. var adoptionOptions])
{
    return await AdoptionScenarios.RunAsync(adoptionOptions);
}
if (args is ["micro", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
    return 0;
}
if (args is ["child", var scenario, var n, .. var options])
{
    var result = await ChildScenarios.RunAsync(scenario, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), options);
    // Peak memory of this whole process, measured by the OS: what a user's runner would see.
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(result with { PeakMemoryMb = self.PeakWorkingSet64 / 1024.0 / 1024.0, CpuMs = self.TotalProcessorTime.TotalMilliseconds });
    return 0;
}
return await WholeRunHarness.RunAsync(args);

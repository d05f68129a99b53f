using BenchmarkDotNet.Running;
using ServiceDesk.Benchmarks;

// BenchmarkDotNet 0.15's out-of-process toolchain finds the project by the assembly's name, and this project's file
// (Benchmarks.csproj) is not named after its assembly (ServiceDesk.Benchmarks): run in process.
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(TicketOpenBenchmarks).Assembly).Run(arguments);

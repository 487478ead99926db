using System.Reflection;
using Crabbox.Cli;
using Crabbox.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

// `crabbox --version` is answered before anything else loads, so it stays as fast as a hello-world app.
if (args is ["--version"])
{
    var version = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
    Console.Out.WriteLine(version?.Split('+')[0] ?? "0.0.0");
    return 0;
}

using var signals = new TerminationSignals();
await using var services = CrabboxServices.Build(CliEnvironment.FromProcess());
return await services.GetRequiredService<CliApplication>().RunAsync(args, signals.Token);

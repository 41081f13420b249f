using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Cadre.Cli.Infrastructure;

/// Lets Spectre.Console.Cli build its commands from the same service collection the web app uses,
/// so a command takes CadreDbContext and UserManager in its constructor.
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar, IAsyncDisposable
{
    private ServiceProvider? provider;

    public ITypeResolver Build()
    {
        provider = services.BuildServiceProvider();
        return new TypeResolver(provider);
    }

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());

    public ValueTask DisposeAsync() => provider?.DisposeAsync() ?? ValueTask.CompletedTask;

    // One run of the tool is one unit of work: the context lives as long as the provider.
    private sealed class TypeResolver(IServiceProvider provider) : ITypeResolver
    {
        public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);
    }
}

global using Cadre.Tests.Infrastructure;

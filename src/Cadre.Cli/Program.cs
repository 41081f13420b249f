using Cadre.Cli;

return await CadreCli.RunAsync(args);

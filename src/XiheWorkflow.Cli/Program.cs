using XiheWorkflow.Cli;

return await XiheCli.RunAsync(args, Console.Out, Console.Error);

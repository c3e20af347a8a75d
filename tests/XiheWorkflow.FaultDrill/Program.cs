using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

// The process the fault tests kill -9. It does real work through Core's use cases, on the data
// directory the test prepared, exactly as the web app would, and says on stdout what is committed:
//
//   xihe-fault-drill decide DATA_DIR   every notice in review (two stages) on to 通过, 通过, 发布 —
//                                      one line "ack <id> <action>" after each decision's commit returned
//   xihe-fault-drill sweep DATA_DIR    one pass of the publicity sweep; "swept <closed>" at the end
if (args.Length != 2 || args[0] is not ("decide" or "sweep"))
{
    Console.Error.WriteLine("usage: xihe-fault-drill decide|sweep DATA_DIR");
    return 2;
}

// The environment names the database when it is not the directory's SQLite file (Xihe__DatabaseProvider, ConnectionStrings__Xihe).
var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Xihe:DataDirectory"] = args[1],
}).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(config);
services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error));
services.AddXiheCore(config);
await using var provider = services.BuildServiceProvider();

if (args[0] == "sweep")
{
    await using var scope = provider.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<PublicitySweep>().RunAsync();
    Console.Out.WriteLine($"swept {result.Closed}");
    return 0;
}

async Task<Actor> ActorAsync(string userName)
{
    await using var db = await provider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
    var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    var role = DemoAccounts.All.Single(a => a.UserName == userName).Role;
    return new Actor(user.Id, user.DisplayName, new HashSet<string> { role }, user.OfficeId);
}

var leader = await ActorAsync("leader");
var officer = await ActorAsync("officer");
// Where the notices stand now: after a kill, a second run carries on from there.
List<(int Id, int Version, int Done)> open;
await using (var db = await provider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync())
{
    open = (await db.Notices.AsNoTracking().Where(n => n.State == NoticeState.InReview || n.State == NoticeState.Approved).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.Version, n.State, n.StageIndex }).ToListAsync())
        .Select(n => (n.Id, n.Version, n.State == NoticeState.Approved ? 2 : n.StageIndex)).ToList();
}

// Stdout is flushed on every line, so a line the test reads is a commit that returned.
(Actor Actor, NoticeAction Action)[] burst = [(leader, NoticeAction.Approve), (officer, NoticeAction.Approve), (officer, NoticeAction.Publish)];
foreach (var (id, version, done) in open)
{
    var v = version;
    foreach (var (actor, action) in burst.Skip(done))
    {
        await using var scope = provider.CreateAsyncScope();
        v = await scope.ServiceProvider.GetRequiredService<DecideNotice>().HandleAsync(new DecideNotice.Command(id, v, action), actor);
        Console.Out.WriteLine($"ack {id} {action}");
    }
}
return 0;

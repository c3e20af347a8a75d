using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Seeds the demo accounts (and the demo notices of later areas) into an empty database.</summary>
public class DemoSeeder(IDbContextFactory<XiheDbContext> contextFactory, UserManager<XiheUser> users, IEnumerable<IDemoDataPart> parts)
{
    /// <summary>Demo data goes only into a database with no users yet (reference data may be there).</summary>
    public async Task<bool> CanSeedAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return !await db.Users.AnyAsync(ct) && !await AnyNoticesAsync(db, ct);
    }

    private async Task<bool> AnyNoticesAsync(XiheDbContext db, CancellationToken ct)
    {
        foreach (var part in parts)
        {
            if (await part.HasDataAsync(db, ct)) return true;
        }
        return false;
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var offices = await db.Offices.ToDictionaryAsync(o => o.Name, ct);
            foreach (var a in DemoAccounts.All)
            {
                var user = new XiheUser
                {
                    UserName = a.UserName,
                    DisplayName = a.DisplayName,
                    OfficeId = a.Office is null ? null : offices.GetValueOrDefault(a.Office)?.Id,
                    EmailConfirmed = true,
                };
                var created = await users.CreateAsync(user, DemoAccounts.Password);
                if (!created.Succeeded) throw new InvalidOperationException($"Demo user {a.UserName}: {created.Errors.First().Description}");
                await users.AddToRoleAsync(user, a.Role);
                if (a.Supervises.Length > 0)
                {
                    var tracked = await db.Users.Include(u => u.SupervisedOffices).SingleAsync(u => u.Id == user.Id, ct);
                    tracked.SupervisedOffices.AddRange(a.Supervises.Select(n => offices[n]));
                    await db.SaveChangesAsync(ct);
                }
            }
        }
        foreach (var part in parts) await part.SeedAsync(ct);
    }
}

/// <summary>A later area's demo data (notices, windows, comments …), seeded after the accounts.</summary>
public interface IDemoDataPart
{
    Task<bool> HasDataAsync(XiheDbContext db, CancellationToken ct);
    Task SeedAsync(CancellationToken ct);
}

using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Creates a user with a one-time password that must be changed at first sign-in.</summary>
public class CreateUser(IDbContextFactory<XiheDbContext> contextFactory, UserManager<XiheUser> users, TimeProvider clock)
{
    public record Command(string UserName, string? DisplayName, IReadOnlyList<string> Roles, string? Office);

    public record Result(string UserId, string UserName, string OneTimePassword);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithErrorCode("User.NameRequired")
                .Matches("^[A-Za-z0-9._-]{2,40}$").WithErrorCode("User.NameInvalid");
            RuleFor(c => c.Roles).NotEmpty().WithErrorCode("User.RoleRequired");
            RuleForEach(c => c.Roles).Must(r => Domain.Common.Roles.TryParse(r, out _)).WithErrorCode("User.RoleUnknown");
        }
    }

    public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Domain.Common.Roles.Admin);
        var validation = new Validator().Validate(command);
        if (!validation.IsValid)
        {
            var f = validation.Errors[0];
            throw new DomainException(f.ErrorCode, f.AttemptedValue ?? "");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        int? officeId = null;
        if (!string.IsNullOrWhiteSpace(command.Office))
        {
            var office = await db.Offices.SingleOrDefaultAsync(o => o.Name == command.Office.Trim(), ct)
                ?? throw new DomainException("Office.Unknown", command.Office);
            officeId = office.Id;
        }
        if (await users.FindByNameAsync(command.UserName) is not null) throw new DomainException("User.NameTaken", command.UserName);

        var password = GeneratePassword();
        var user = new XiheUser
        {
            UserName = command.UserName,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? command.UserName : command.DisplayName.Trim(),
            OfficeId = officeId,
            MustChangePassword = true,
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new DomainException("User.CreateFailed", created.Errors.First().Description);
        foreach (var r in command.Roles)
        {
            Domain.Common.Roles.TryParse(r, out var role);
            await users.AddToRoleAsync(user, role);
        }
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "User.Created", "User", user.Id,
            details: $"{user.UserName}: {string.Join(',', command.Roles)}"));
        await db.SaveChangesAsync(ct);
        return new Result(user.Id, user.UserName!, password);
    }

    /// <summary>Meets the password policy: upper, lower, digit and a symbol, 14 characters.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "#$%&*+=?@";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 14) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000)).ToArray());
    }
}

using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Cli;

/// <summary>
/// Operator verbs of the same executable, run without the web server:
/// <c>migrate</c>, <c>create-admin</c>, <c>seed demo</c>, <c>schema script</c>, <c>schema next</c> ….
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "create-admin", "seed", "schema", "audit", "backup", "restore", "help"];

    public static string? Verb(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal) ? args[0] : null;

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (verb is not "migrate" and not "schema" and not "help" and not "backup" and not "restore")
        {
            // Everything else writes audited records, which need a migrated database and the chain key.
            await services.GetRequiredService<MigrationRunner>().MigrateAsync();
            await services.GetRequiredService<AuditKey>().EnsureAsync();
        }
        try
        {
            if (services.GetServices<ICommandVerb>().FirstOrDefault(c => c.Verb == verb) is { } feature)
            {
                return await feature.RunAsync(services, app.Environment, args) ?? Help();
            }

            return verb switch
            {
                "migrate" => await MigrateAsync(services),
                "create-admin" => await CreateAdminAsync(services, args),
                "schema" when Option(args, 1) == "script" => Schema(args),
                "schema" when Option(args, 1) == "next" => await SchemaNextAsync(app.Environment, args),
                "audit" when Option(args, 1) == "verify" => await AuditVerifyAsync(services),
                "audit" when Option(args, 1) == "purge" => await AuditPurgeAsync(services),
                "backup" when Option(args, 1) is { } file => await BackupAsync(services, file),
                "restore" when Option(args, 1) is { } file => await RestoreAsync(services, file, args.Contains("--confirm", StringComparer.Ordinal)),
                _ => Help(),
            };
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await Console.Error.WriteLineAsync($"失败：找不到 PostgreSQL 客户端工具（pg_dump / pg_restore，Debian 包 postgresql-client）：{e.Message}");
            return 1;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"失败：{e.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        var backups = services.GetRequiredService<Backups>();
        await backups.BackupAsync(file);
        Print($"已备份到 {Path.GetFullPath(file)}", await backups.FingerprintAsync());
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file, bool confirmed)
    {
        if (!confirmed)
        {
            await Console.Error.WriteLineAsync($"restore 会用 {file} 整体替换当前数据库，当前数据全部丢失。确认请加 --confirm。");
            return 2;
        }

        var backups = services.GetRequiredService<Backups>();
        await backups.RestoreAsync(file);
        Print($"已从 {Path.GetFullPath(file)} 恢复", await backups.FingerprintAsync());

        // The restored log legitimately ends before the checkpoint of the replaced database: anchor the restored head.
        try
        {
            await services.GetRequiredService<AuditKey>().EnsureAsync();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            await Console.Error.WriteLineAsync("备份中的审计密钥无法用本机的密钥环解密，审计检查点未重置。");
            return 0;
        }

        var (before, after) = await services.GetRequiredService<AuditCheckpoints>().ResetAsync();
        Console.WriteLine($"审计检查点已重置为第{after?.Sequence ?? 0}条（恢复前为第{before?.Sequence ?? 0}条）。");
        return 0;
    }

    /// <summary>What was backed up or restored: every table's rows and checksum, to compare the two.</summary>
    private static void Print(string what, SortedDictionary<string, string> fingerprint)
    {
        Console.WriteLine($"{what}：{fingerprint.Count}张表，共{fingerprint.Values.Sum(v => long.Parse(v.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))}行。");
        foreach (var (table, value) in fingerprint)
        {
            Console.WriteLine($"  {table} {value}");
        }
    }

    private static int Help()
    {
        Console.WriteLine("""
            用法 (Usage): Dangjian.Web <verb>
              migrate                                         应用数据库迁移 (apply migrations)
              create-admin --user 名称 --role 角色 [--name 姓名]  创建管理员；密码从环境变量 DANGJIAN_ADMIN_PASSWORD 或标准输入读取
                           角色: system-admin | security-admin | audit-admin
              seed demo                                       向空数据库写入演示数据 (never in Production)
              seed S|M|L [--ballot-tokens 文件]               生成规模数据：S 一个局、M 一个市、L 一个省，含账户 bench-s/m/l
                                                              （--ballot-tokens：把测评投票码写入文件，供投票压测）
                                                              （密码取环境变量 DANGJIAN_BENCH_PASSWORD，默认 Bench@2026；never in Production）
              schema script --provider sqlite|postgres        打印 EF 模型的完整建表脚本 (for writing migrations)
              schema next 名称 [--folder 目录]                按模型与现有迁移的差异写出下一个迁移的草稿（两种数据库各一个文件）
              audit verify                                    校验审计日志哈希链及库外的签名检查点，报告第一个断点、末尾被删或被清空 (exit 1 if broken)
              audit purge                                     按 Audit:RetentionMonths 清理过期审计记录（不少于6个月）
              backup 文件                                     备份数据库（SQLite 在线备份；PostgreSQL 用 pg_dump），并列出各表行数与校验和
              restore 文件 --confirm                          用备份整体替换数据库（SQLite 备份接口；PostgreSQL 用 pg_restore，单事务）
            """);
        return 2;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        Console.WriteLine(applied.Count == 0 ? "数据库已是最新。" : $"已应用迁移：{string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        var userName = Named(args, "--user");
        var role = Named(args, "--role");
        if (string.IsNullOrWhiteSpace(userName) || role is null || !Roles.IsAdministrator(role))
        {
            await Console.Error.WriteLineAsync("请用 --user 指定用户名，用 --role 指定 system-admin、security-admin 或 audit-admin 之一。");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("DANGJIAN_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("请输入密码（至少8位，含大写、小写、数字、符号中的3类）：");
            password = Console.ReadLine();
        }

        var accounts = services.GetRequiredService<AccountProvisioning>();
        var result = await accounts.CreateAsync(userName, Named(args, "--name") ?? Roles.DisplayNames[role], password ?? "", [role], mustChangePassword: false);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        await services.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventKind.AdminCreated, userName, detail: $"命令行创建{Roles.DisplayNames[role]}");
        Console.WriteLine($"已创建{Roles.DisplayNames[role]} {userName}。首次登录时须绑定身份验证器（两步验证）。");
        return 0;
    }

    private static async Task<int> AuditVerifyAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var result = await services.GetRequiredService<AuditCheckpoints>().VerifyAsync(db);
        Console.WriteLine(result.Message);
        db.Audit(AuditActions.AuditVerify, "AuditLog", null, "命令行：" + result.Message, outcome: result.Intact ? AuditActions.Succeeded : AuditActions.Failed);
        await db.SaveChangesAsync();
        return result.Intact ? 0 : 1;
    }

    private static async Task<int> AuditPurgeAsync(IServiceProvider services)
    {
        var message = await AuditRetention.PurgeAsync(
            services.GetRequiredService<AppDbContext>(),
            services.GetRequiredService<IOptions<AuditOptions>>().Value,
            services.GetRequiredService<TimeProvider>());
        Console.WriteLine(message);
        return 0;
    }

    /// <summary>
    /// <c>schema next NAME [--folder DIR]</c>: writes <c>NNNN_NAME.sql</c> for both providers with the model's difference
    /// from the migrations (<see cref="SchemaDraft"/>), into the source tree's migration folders by default.
    /// </summary>
    private static async Task<int> SchemaNextAsync(IHostEnvironment environment, string[] args)
    {
        var name = Option(args, 2);
        if (name is null || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]{0,49}$"))
        {
            await Console.Error.WriteLineAsync("请给出迁移名：小写字母开头，只含小写字母、数字和下划线，例如 schema next study_session_place。");
            return 1;
        }

        var folder = Named(args, "--folder") ?? Path.Combine(environment.ContentRootPath, "Platform", "Data", "Migrations");
        if (!Directory.Exists(Path.Combine(folder, "sqlite")) || !Directory.Exists(Path.Combine(folder, "postgres")))
        {
            await Console.Error.WriteLineAsync($"找不到迁移目录 {folder}（应含 sqlite 和 postgres 两个子目录）：在源码目录中运行，或用 --folder 指定。");
            return 1;
        }

        var migrated = SchemaDraft.Migrated();
        var drafts = new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres }
            .Select(p => (Provider: p, Sql: SchemaDraft.Draft(SchemaScript.Create(p), migrated, p)))
            .ToList();
        if (drafts.All(d => d.Sql.Length == 0))
        {
            Console.WriteLine("模型与现有迁移一致，不需要新的迁移。");
            return 0;
        }

        var file = SchemaDraft.NextFileName(name);
        foreach (var (provider, sql) in drafts)
        {
            var path = Path.Combine(folder, MigrationRunner.ProviderFolder(provider), file);
            await File.WriteAllTextAsync(path, sql);
            Console.WriteLine($"已写出 {path}");
        }

        Console.WriteLine("这是草稿：逐条审阅（默认值、数据迁移、外键），写明用途，再运行测试。");
        return 0;
    }

    private static int Schema(string[] args)
    {
        var provider = Named(args, "--provider") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        Console.WriteLine(SchemaScript.Create(provider));
        return 0;
    }

    /// <summary>The argument at <paramref name="index"/> (0 is the verb), or null.</summary>
    public static string? Option(string[] args, int index)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > index ? args[index] : null;
    }

    /// <summary>The value after the argument <paramref name="name"/> (<c>--provider postgres</c>), or null.</summary>
    public static string? Named(string[] args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

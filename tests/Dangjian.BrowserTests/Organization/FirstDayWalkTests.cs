using System.Globalization;
using Dangjian.BrowserTests.Infrastructure;
using Dangjian.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Organization;

/// <summary>
/// The first day of a real agency, through the UI alone: from an empty production database with only <c>create-admin</c>
/// run, the system administrator creates the office's account; the office creates the top unit, imports a 30-person
/// roster from the Excel template, creates everyone's accounts and slips, starts the 群众路线 campaign (seed 003) and
/// schedules the mobilization meeting; on a phone, a member from the roster signs in with their slip, sets a password,
/// signs in to the meeting by its QR link, writes a reflection and votes. Page loads and clicks are counted and printed;
/// each step is photographed (README “第一天”).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class FirstDayWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string AdminPassword = "Adm1n-Passw0rd!";
    private const string Campaign = "市科技局党的群众路线教育实践活动";

    [BrowserFact]
    public async Task FromAnEmptyProductionDatabaseToAMemberWhoSignedInWroteAndVoted()
    {
        await using var app = new EmptyProductionApp();
        var baseUrl = BrowserFixture.Serve(app);

        // The operator: the sign-in page of an install without accounts says how the first administrator is made.
        var admin = new Walker(await fixture.NewPageAsync("desktop", baseUrl), "first-day-admin");
        await admin.GoAsync("/Account/Login");
        await Expect(admin.Page.GetByTestId("first-admin")).ToContainTextAsync("create-admin");
        await admin.ShotAsync("01-empty-sign-in");
        var created = await CommandLineProcess.RunAsync(app.Database, "Production", AdminPassword, app.KeysFolder,
            "create-admin", "--user", "wangwei", "--role", "system-admin", "--name", "王伟");
        created.ExitCode.ShouldBe(0, created.Error);

        // The system administrator signs in, enrols the authenticator and creates the campaign office's account.
        await admin.GoAsync("/Account/Login");
        await Expect(admin.Page.GetByTestId("first-admin")).ToHaveCountAsync(0);
        await admin.Page.GetByLabel("用户名").FillAsync("wangwei");
        await admin.Page.GetByLabel("密码").FillAsync(AdminPassword);
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }));
        var key = (await admin.Page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await admin.Page.GetByLabel("验证码").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }));
        await Expect(admin.Page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" }));
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).First);
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }));
        await admin.Page.GetByLabel("用户名").FillAsync("zhangli");
        await admin.Page.GetByRole(AriaRole.Textbox, new() { Name = "姓名", Exact = true }).FillAsync("张丽");
        await admin.Page.GetByLabel("活动办公室").CheckAsync();
        await admin.ShotAsync("02-new-office-account");
        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }));
        var temporary = await admin.Page.GetByTestId("temporary-password").InnerTextAsync();
        temporary.ShouldNotBeNullOrWhiteSpace();
        await admin.ShotAsync("03-temporary-password");

        // The campaign office: first sign-in with the temporary password, then the guide's five steps.
        var office = new Walker(await fixture.NewPageAsync("desktop", baseUrl), "first-day-office");
        var officePassword = "Bgs-" + Guid.NewGuid().ToString("N")[..8] + "!a";
        await office.GoAsync("/");
        await office.Page.GetByLabel("用户名").FillAsync("zhangli");
        await office.Page.GetByLabel("密码").FillAsync(temporary);
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }));
        await SetPasswordAsync(office, temporary, officePassword, "04-set-password");
        await Expect(office.Page.GetByTestId("first-run-guide")).ToBeVisibleAsync();
        await Expect(office.Page.GetByTestId("guide-step-1")).ToHaveAttributeAsync("data-state", "next");
        await office.ShotAsync("05-guide");

        // 1 创建顶层单位
        await office.ClickAsync(office.Page.GetByTestId("guide-step-1").GetByRole(AriaRole.Link));
        await office.Page.GetByLabel("本单位名称").FillAsync("市科技局");
        await office.Page.GetByLabel("单位编码").FillAsync("KJJ");
        await office.ShotAsync("06-first-unit");
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }));
        await Expect(office.Page.Locator("h1")).ToContainTextAsync("市科技局");

        // 2 导入人员名单: the Excel template, downloaded, filled in with 30 people and uploaded.
        await office.HomeAsync();
        await Expect(office.Page.GetByTestId("guide-hint-1")).ToContainTextAsync("已有1个单位");
        await office.ClickAsync(office.Page.GetByTestId("guide-step-2").GetByRole(AriaRole.Link));
        var download = await office.Page.RunAndWaitForDownloadAsync(() => office.ClickAsync(office.Page.GetByTestId("template-xlsx")));
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var roster = RosterWorkbook.Fill(template, Roster());
        await office.Page.GetByLabel("文件（.xlsx 或 .csv，不超过10 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "人员名单.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = roster,
        });
        await Expect(office.Page.GetByLabel("文件（.xlsx 或 .csv，不超过10 MB）")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("人员名单"));
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }));
        await Expect(office.Page.GetByTestId("preview-counts")).ToContainTextAsync("30");
        await Expect(office.Page.GetByTestId("new-units")).ToContainTextAsync("市科技局/办公室");
        await office.ShotAsync("07-import-preview");
        await office.ClickAsync(office.Page.GetByTestId("confirm"));
        await Expect(office.Page.GetByText("已导入30人")).ToBeVisibleAsync();

        // 3 创建登录账号: everyone at once, then the slips.
        await office.HomeAsync();
        await Expect(office.Page.GetByTestId("guide-hint-2")).ToContainTextAsync("已导入30人");
        await office.ClickAsync(office.Page.GetByTestId("guide-step-3").GetByRole(AriaRole.Link));
        await office.ClickAsync(office.Page.GetByTestId("all"));
        await office.ShotAsync("08-accounts-review");
        await Expect(office.Page.GetByTestId("create")).ToContainTextAsync("开通30个账号");
        await office.ClickAsync(office.Page.GetByTestId("create"));
        await Expect(office.Page.GetByTestId("slip")).ToHaveCountAsync(30);
        await office.ShotAsync("09-account-slips");
        var slip = office.Page.GetByTestId("slip").Filter(new() { Has = office.Page.GetByTestId("slip-name").GetByText(Member, new() { Exact = true }) });
        var memberUser = (await slip.GetByTestId("slip-user").InnerTextAsync()).Trim();
        var memberCode = (await slip.GetByTestId("slip-code").InnerTextAsync()).Trim();

        // 4 启动第一个活动: the 群众路线 template (seed 003), started.
        await office.HomeAsync();
        await Expect(office.Page.GetByTestId("guide-hint-3")).ToContainTextAsync("人人都有账号");
        await office.ClickAsync(office.Page.GetByTestId("guide-step-4").GetByRole(AriaRole.Link));
        await office.Page.Locator("label.dj-choice").Filter(new() { HasText = "群众路线教育实践活动" }).ClickAsync();
        await office.Page.GetByLabel("活动名称").FillAsync(Campaign);
        await office.ShotAsync("10-new-campaign");
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }));
        office.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "启动活动" }));
        await Expect(office.Page.GetByText("进行中").First).ToBeVisibleAsync();
        await office.ShotAsync("11-campaign-started");

        // 5 安排动员大会: tomorrow 09:00–11:00 for the whole bureau; the QR link is what the members scan.
        await office.HomeAsync();
        await office.ClickAsync(office.Page.GetByTestId("guide-step-5").GetByRole(AriaRole.Link));
        await Expect(office.Page.GetByLabel("主题")).ToHaveValueAsync("动员大会");
        var tomorrow = app.Today.AddDays(1);
        await office.Page.GetByLabel("日期", new() { Exact = true }).FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.Page.GetByLabel("开始", new() { Exact = true }).FillAsync("09:00");
        await office.Page.GetByLabel("结束", new() { Exact = true }).FillAsync("11:00");
        await office.Page.GetByLabel("地点").FillAsync("机关三楼会议室");
        var bureau = office.Page.GetByRole(AriaRole.Checkbox, new() { Name = "市科技局" }).First;
        if (!await bureau.IsCheckedAsync())
        {
            await office.ClickAsync(bureau);
        }

        await office.ShotAsync("12-mobilization-meeting");
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }));
        await office.ClickAsync(office.Page.GetByRole(AriaRole.Link, new() { Name = "打开签到二维码" }));
        await Expect(office.Page.GetByTestId("qr")).ToBeVisibleAsync();
        await office.ShotAsync("13-sign-in-qr");
        var qrPage = office.Page.Url;

        // The guide is done and gone; the home shows the campaign's health instead.
        await office.HomeAsync();
        await Expect(office.Page.GetByTestId("first-run-guide")).ToHaveCountAsync(0);
        await Expect(office.Page.GetByTestId("campaign-health")).ToBeVisibleAsync();
        await office.ShotAsync("14-home-after-guide");
        var officeCount = (office.Loads, office.Clicks);

        // Not counted in the office's first hour: the vote the member takes part in (a later day's work).
        var appraisal = new Walker(office.Page, "first-day-office");
        await appraisal.GoAsync("/Appraisal/Edit");
        await appraisal.Page.GetByLabel("测评名称").FillAsync("领导班子民主测评");
        await appraisal.Page.GetByLabel("测评对象（每行一个）").FillAsync("局领导班子");
        await appraisal.Page.GetByRole(AriaRole.Checkbox, new() { Name = "市科技局" }).First.CheckAsync();
        await appraisal.ClickAsync(appraisal.Page.GetByRole(AriaRole.Button, new() { Name = "发起" }));
        await Expect(appraisal.Page.GetByText("领导班子民主测评").First).ToBeVisibleAsync();

        // The member, on a phone, at the meeting (08:40 tomorrow): scans the QR code, signs in with the slip.
        app.Clock.Advance(MeetingMorning(tomorrow) - app.Clock.GetUtcNow());
        // The next morning the office signs in again on the meeting room's screen, which shows the current code.
        var screen = await fixture.NewPageAsync("desktop", baseUrl);
        await fixture.SignInAsync(screen, "zhangli", officePassword);
        await screen.GotoAsync(qrPage);
        await Expect(screen.GetByTestId("window-closed")).ToHaveCountAsync(0);
        var signInLink = await screen.GetByTestId("sign-in-link").GetAttributeAsync("href");
        signInLink.ShouldNotBeNull();
        var member = new Walker(await fixture.NewPageAsync("phone", baseUrl), "first-day-member");
        await member.GoAsync(signInLink!);
        await member.ShotAsync("15-scanned-sign-in");
        await member.Page.GetByLabel("用户名").FillAsync(memberUser);
        await member.Page.GetByLabel("密码").FillAsync(memberCode);
        await member.ClickAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }));
        await SetPasswordAsync(member, memberCode, "Dy-" + Guid.NewGuid().ToString("N")[..8] + "!x", "16-set-password");
        await Expect(member.Page.GetByTestId("signing-person")).ToContainTextAsync(Member);
        await Expect(member.Page.Locator("main")).ToContainTextAsync("动员大会");
        await member.ShotAsync("17-meeting");
        await member.ClickAsync(member.Page.GetByTestId("confirm-sign-in"));
        await Expect(member.Page.GetByTestId("sign-in-result")).ToContainTextAsync("签到成功");
        await member.ShotAsync("18-signed-in");

        await member.ClickAsync(member.Page.GetByTestId("write-reflection"));
        await member.Page.GetByLabel("标题").FillAsync("参加动员大会的体会");
        await member.Page.GetByLabel("正文").FillAsync("听了动员报告，认识到作风建设要从自身做起，对照“四风”查找不足。");
        await member.ShotAsync("19-reflection");
        await member.ClickAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }));
        await Expect(member.Page.Locator("main")).ToContainTextAsync("参加动员大会的体会");

        await member.HomeAsync();
        await member.ClickAsync(member.Page.GetByRole(AriaRole.Link, new() { Name = "参加民主测评：领导班子民主测评" }));
        await Expect(member.Page.GetByTestId("ballot")).ToBeVisibleAsync();
        await member.ClickAsync(member.Page.GetByRole(AriaRole.Group, new() { Name = "局领导班子" }).GetByLabel("好", new() { Exact = true }));
        await member.ShotAsync("20-ballot");
        await member.ClickAsync(member.Page.GetByTestId("cast"));
        await Expect(member.Page.GetByTestId("ballot-done")).ToBeVisibleAsync();
        await member.ShotAsync("21-voted");

        output.WriteLine($"系统管理员：{admin.Loads}次页面加载，{admin.Clicks}次点击");
        output.WriteLine($"活动办公室：{officeCount.Loads}次页面加载，{officeCount.Clicks}次点击（发起测评另计）");
        output.WriteLine($"党员干部（手机）：{member.Loads}次页面加载，{member.Clicks}次点击");
        Console.WriteLine($"[第一天] 系统管理员 {admin.Loads} 次加载/{admin.Clicks} 次点击；活动办公室 {officeCount.Loads}/{officeCount.Clicks}；党员干部 {member.Loads}/{member.Clicks}");
        officeCount.Loads.ShouldBeLessThanOrEqualTo(25, "the office's first day in page loads");
        member.Loads.ShouldBeLessThanOrEqualTo(10, "the member's part in page loads");
        (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.StudyNotes))).ShouldBe(1);
        app.Errors.Entries.ShouldBeEmpty();
    }

    private const string Member = "李明远";

    /// <summary>08:40 China time on the meeting's day: inside the QR window (60 minutes before the start).</summary>
    private static DateTimeOffset MeetingMorning(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(8, 40)), TimeSpan.FromHours(8));

    private static async Task SetPasswordAsync(Walker walker, string current, string next, string shot)
    {
        await Expect(walker.Page.Locator("#Input_NewPassword")).ToBeVisibleAsync();
        await walker.ShotAsync(shot);
        await walker.Page.GetByLabel("当前密码").FillAsync(current);
        await walker.Page.Locator("#Input_NewPassword").FillAsync(next);
        await walker.Page.GetByLabel("确认新密码").FillAsync(next);
        await walker.ClickAsync(walker.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }));
    }

    /// <summary>30 people in three offices of the bureau, as an office would type them into the template.</summary>
    private static List<string[]> Roster()
    {
        string[] surnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["明远", "建国", "晓燕", "海涛", "丽娟", "志强", "文静", "国华", "春梅", "立新"];
        string[] units = ["市科技局/办公室", "市科技局/科技计划处", "市科技局/机关党委"];
        return Enumerable.Range(0, 30).Select(i => new[]
        {
            surnames[i % 10] + given[(i + (i / 10)) % 10], i % 2 == 0 ? "男" : "女", "", "", i % 4 == 3 ? "" : $"139{i:D8}", units[i / 10],
            i == 10 ? "副局长" : i % 10 == 0 ? "主任" : "科员", "中共党员", "", "", i == 10 ? "班子成员" : i % 10 == 0 ? "中层正职" : "一般干部", "否",
        }).ToList();
    }

    /// <summary>One person's browser: counts the pages it loads and the clicks it takes, and photographs its steps.</summary>
    private sealed class Walker
    {
        private readonly string prefix;

        public Walker(IPage page, string prefix)
        {
            (Page, this.prefix) = (page, prefix);
            page.Load += (_, _) => Loads++;
            // Thirty accounts' password hashes and a campaign's phases and milestones are written in single requests:
            // allow them the time a loaded CI machine needs.
            page.SetDefaultTimeout(60_000);
        }

        public IPage Page { get; }

        public int Loads { get; private set; }

        public int Clicks { get; private set; }

        public async Task GoAsync(string url)
        {
            await Page.GotoAsync(url);
        }

        public async Task ClickAsync(ILocator target)
        {
            Clicks++;
            await target.ClickAsync();
            await Page.WaitForLoadStateAsync(LoadState.Load);
        }

        /// <summary>The home page, by the brand link every page has.</summary>
        public Task HomeAsync() => ClickAsync(Page.Locator("a.navbar-brand").First);

        /// <summary>The step as this person sees it, and at the other width (desktop and phone) for the README.</summary>
        public async Task ShotAsync(string name)
        {
            var own = Page.ViewportSize!;
            var folder = prefix.Replace("first-day-", "first-day/", StringComparison.Ordinal);
            foreach (var (width, height, label) in own.Width < 500 ? new[] { (own.Width, own.Height, "phone"), (1366, 900, "desktop") } : [(own.Width, own.Height, "desktop"), (375, 812, "phone")])
            {
                await Page.SetViewportSizeAsync(width, height);
                await BrowserFixture.ShotAsync(Page, $"{folder}-{name}-{label}");
            }

            await Page.SetViewportSizeAsync(own.Width, own.Height);
        }
    }
}

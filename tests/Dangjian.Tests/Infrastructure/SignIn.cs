using System.Net;

namespace Dangjian.Tests.Infrastructure;

public static class SignIn
{
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and asserts it worked (a redirect away from the login page).</summary>
    public static async Task SignInAsync(this HttpClient client, string userName, string password = AppFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostLoginAsync(userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldNotContain("/Account/Login");
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>Lets a request through only with the configured <c>X-Api-Key</c>, compared in constant time.</summary>
public sealed class ApiKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.Value.ApiKey);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[Header].ToString();
        if (presented.Length == 0)
            return ValueTask.FromResult<object?>(TypedResults.Problem($"Send the admin API key in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
            return ValueTask.FromResult<object?>(TypedResults.Problem($"The {Header} header does not hold a valid key.", statusCode: StatusCodes.Status403Forbidden));
        return next(context);
    }
}

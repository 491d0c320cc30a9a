using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// The admin API's errors, all <c>application/problem+json</c> with a <c>detail</c> a person can act on — the same shape
/// for every unknown id, whatever the route — so clients (the CLI among them) print one field.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult NoBot(string botId) => NotFound($"There is no bot '{botId}'.");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}

using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>Access to the admin API (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The key callers send in <c>X-Api-Key</c>. Required outside Development, at least 16 characters; Development defaults it.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Admin:ApiKey must be set (env Admin__ApiKey).")]
    [MinLength(16, ErrorMessage = "Admin:ApiKey must be at least 16 characters.")]
    public string ApiKey { get; set; } = "";

    /// <summary>The key Development uses when none is configured; printed at start.</summary>
    public const string DevelopmentApiKey = "dev-admin-key-change-me";
}

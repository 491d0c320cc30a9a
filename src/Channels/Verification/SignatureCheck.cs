namespace ChatbotPipeline.Channels.Verification;

/// <summary>The verdict on a platform's signature: good, or why not — which decides between 401 and 403.</summary>
public readonly record struct SignatureCheck(SignatureStatus Status, string? Reason)
{
    public static SignatureCheck Valid => new(SignatureStatus.Valid, null);

    public static SignatureCheck Missing(string reason) => new(SignatureStatus.Missing, reason);

    public static SignatureCheck Invalid(string reason) => new(SignatureStatus.Invalid, reason);

    public bool IsValid => Status == SignatureStatus.Valid;

    /// <summary>401 when the request carries no usable credentials, 403 when it carries wrong ones.</summary>
    public int HttpStatus => Status switch
    {
        SignatureStatus.Valid => 200,
        SignatureStatus.Missing => 401,
        _ => 403,
    };
}

public enum SignatureStatus
{
    Valid,
    /// <summary>No signature (or no timestamp) at all, or one that cannot be parsed.</summary>
    Missing,
    /// <summary>A signature that does not match, or one outside the replay window.</summary>
    Invalid,
}

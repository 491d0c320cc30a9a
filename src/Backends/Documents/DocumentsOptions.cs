using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Backends.Documents;

/// <summary>Where bots, conversations and analytics are kept (section <c>Documents</c>).</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>Which document store to use. Default <see cref="DocumentsProvider.Sqlite"/>.</summary>
    public DocumentsProvider Provider { get; set; } = DocumentsProvider.Sqlite;

    /// <summary>Settings of the SQLite store.</summary>
    public SqliteDocumentsOptions Sqlite { get; set; } = new();

    /// <summary>Settings of the MongoDB store.</summary>
    public MongoDocumentsOptions MongoDb { get; set; } = new();
}

/// <summary>The document stores this build can use.</summary>
public enum DocumentsProvider
{
    Sqlite,
    MongoDb,
}

/// <summary>Settings of the SQLite document store (section <c>Documents:Sqlite</c>).</summary>
public sealed class SqliteDocumentsOptions
{
    /// <summary>The database file, created with its folder when missing. Default <c>data/chatbot.db</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/chatbot.db";
}

/// <summary>Settings of the MongoDB document store (section <c>Documents:MongoDb</c>).</summary>
public sealed class MongoDocumentsOptions
{
    /// <summary>A <c>mongodb://</c> or <c>mongodb+srv://</c> connection string. Required when the provider is MongoDb.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The database that holds the collections. Default <c>chatbot</c>.</summary>
    public string Database { get; set; } = "chatbot";
}

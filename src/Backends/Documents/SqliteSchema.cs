namespace ChatbotPipeline.Backends.Documents;

/// <summary>The SQLite schema; every statement is idempotent so it runs on every start.</summary>
internal static class SqliteSchema
{
    public const string Script = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS bots (
            id TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE IF NOT EXISTS intents (
            bot_id TEXT NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
            intent_id TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (bot_id, intent_id));
        CREATE TABLE IF NOT EXISTS entities (
            bot_id TEXT NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (bot_id, name));
        CREATE TABLE IF NOT EXISTS turns (
            message_id TEXT PRIMARY KEY,
            bot_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (bot_id, conversation_id, received_at);
        CREATE INDEX IF NOT EXISTS turns_by_time ON turns (bot_id, received_at);
        CREATE TABLE IF NOT EXISTS analytics_counted (
            message_id TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS analytics_daily (
            bot_id TEXT NOT NULL,
            day TEXT NOT NULL,
            intent TEXT NOT NULL,
            messages INTEGER NOT NULL,
            fallbacks INTEGER NOT NULL,
            confidence_sum REAL NOT NULL,
            PRIMARY KEY (bot_id, day, intent));
        """;
}

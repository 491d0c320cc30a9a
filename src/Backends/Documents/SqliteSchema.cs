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
        CREATE TABLE IF NOT EXISTS dialogues (
            bot_id TEXT PRIMARY KEY REFERENCES bots(id) ON DELETE CASCADE,
            json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS turns (
            message_id TEXT PRIMARY KEY,
            bot_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (bot_id, conversation_id, received_at);
        CREATE INDEX IF NOT EXISTS turns_by_time ON turns (bot_id, received_at);
        CREATE TABLE IF NOT EXISTS analytics_events (
            message_id TEXT PRIMARY KEY,
            bot_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            sender_id TEXT NOT NULL,
            intent TEXT NOT NULL,
            fallback INTEGER NOT NULL,
            confidence REAL NOT NULL,
            nlu_ms REAL NOT NULL);
        CREATE INDEX IF NOT EXISTS analytics_events_by_time ON analytics_events (bot_id, at);
        -- Daily counters of earlier versions; events replaced them and nothing reads them.
        DROP TABLE IF EXISTS analytics_daily;
        DROP TABLE IF EXISTS analytics_counted;
        """;
}

// Shared by the chat page and the dashboard: a bot's reply is shown the same way everywhere.
// Reply Markdown (**bold**, _italic_, [text](https://…)) as HTML: the text is escaped first, so only these three
// constructs ever become markup and nothing the bot or an API returned can inject any.
function markdown(text) {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return escaped
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w*])_(.+?)_(?!\w)/g, "$1<em>$2</em>")
    .replace(/\n/g, "<br>");
}

// The demo chat: one random conversation id per page, replies pushed over server-sent events.
const botId = new URLSearchParams(location.search).get("bot") || "demo";
const sender = "web-" + crypto.randomUUID();
const log = document.getElementById("log");
const status = document.getElementById("status");
document.getElementById("bot-id").textContent = botId;

function add(kind, text) {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  log.appendChild(item);
  log.scrollTop = log.scrollHeight;
}

const events = new EventSource(`/chat/${encodeURIComponent(botId)}/${encodeURIComponent(sender)}/events`);
events.onopen = () => { status.textContent = "connected"; };
events.onerror = () => { status.textContent = "reconnecting…"; };
events.addEventListener("reply", (event) => {
  const reply = JSON.parse(event.data);
  reply.messages.forEach((text) => add("bot", text));
  add("meta", `${reply.intent} · ${(reply.confidence * 100).toFixed(0)}% · ${reply.dialogueState}`);
});

document.getElementById("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("text");
  const message = input.value.trim();
  if (!message) return;
  input.value = "";
  add("user", message);
  const response = await fetch(`/webhooks/rest/${encodeURIComponent(botId)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sender, message, metadata: { channel: "web" } }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    add("error", `Not sent (${response.status}): ${problem.detail || response.statusText}`);
  }
});

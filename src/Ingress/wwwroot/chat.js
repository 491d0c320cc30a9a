// The demo chat: one web-chat session per page (a conversation id the server issues, and the token that opens its
// reply stream), replies pushed over server-sent events.
const botId = new URLSearchParams(location.search).get("bot") || "demo";
let sender = null;
let token = null;
const log = document.getElementById("log");
const status = document.getElementById("status");
document.getElementById("bot-id").textContent = botId;

function add(kind, text) {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  log.appendChild(item);
  log.scrollTop = log.scrollHeight;
  return item;
}

function addBot(text) {
  const item = add("bot", "");
  item.innerHTML = markdown(text);
}

// Buttons under the bot's last message: a press sends the button's payload as the user's next message.
function addButtons(buttons) {
  if (!buttons || buttons.length === 0) return;
  const item = add("buttons", "");
  buttons.forEach(({ title, payload }) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = title;
    button.addEventListener("click", () => {
      item.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      send(payload, title);
    });
    item.appendChild(button);
  });
}

async function connect() {
  const response = await fetch(`/chat/${encodeURIComponent(botId)}/sessions`, { method: "POST" });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    status.textContent = "not connected";
    add("error", `No chat with '${botId}' (${response.status}): ${problem.detail || response.statusText}`);
    return;
  }
  const session = await response.json();
  sender = session.conversationId;
  token = session.token;
  if (session.examples && session.examples.length > 0)
    document.getElementById("text").placeholder = `Try: ${session.examples.join(" · ")}`;
  const events = new EventSource(session.events);
  events.onopen = () => { status.textContent = "connected"; };
  // A stream the server refused (an expired session) is closed by the browser; one that dropped is retried.
  events.onerror = () => { status.textContent = events.readyState === EventSource.CLOSED ? "disconnected: reload the page" : "reconnecting…"; };
  events.addEventListener("reply", (event) => {
    const reply = JSON.parse(event.data);
    reply.messages.forEach(addBot);
    addButtons(reply.buttons);
    add("meta", `${reply.intent} · ${(reply.confidence * 100).toFixed(0)}% · ${reply.dialogueState}`);
  });
}

const connected = connect();

document.getElementById("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("text");
  const message = input.value.trim();
  if (!message) return;
  input.value = "";
  await send(message, message);
});

async function send(message, shown) {
  await connected;
  if (!sender) return;
  add("user", shown);
  const response = await fetch(`/webhooks/rest/${encodeURIComponent(botId)}`, {
    method: "POST",
    // The session token asks for this conversation's replies on the page's stream.
    headers: { "Content-Type": "application/json", "X-Chat-Session": token },
    body: JSON.stringify({ sender, message, metadata: { channel: "web" } }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    add("error", `Not sent (${response.status}): ${problem.detail || response.statusText}`);
  }
}
